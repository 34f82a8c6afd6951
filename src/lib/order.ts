/** The order transcripts are listed in on the home page. Pure, for unit tests. */
import type { Localized } from './localized.ts';

/** What the order needs of a transcript: its slug, title and date. */
export interface Listed {
  id: string;
  data: { title: Localized; date?: string | undefined };
}

const titles = new Intl.Collator('en');

/**
 * Newest first; undated last; the same date by English title (the one
 * every transcript's title has, given or filled in), then by slug so the
 * order never varies.
 */
export function newestFirst(a: Listed, b: Listed): number {
  return (
    (b.data.date ?? '').localeCompare(a.data.date ?? '') ||
    titles.compare(a.data.title.en, b.data.title.en) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
