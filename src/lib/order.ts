/**
 * The order transcripts are listed in, and so the order a reader walks
 * through them with the previous and next links. Pure, for unit tests.
 */
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

/** A neighbour as its link needs it. */
export interface Neighbour {
  id: string;
  title: Localized;
}

/** The transcripts before and after the one at `index` in a list. */
export function neighboursOf(
  list: readonly Listed[],
  index: number,
): { previous?: Neighbour; next?: Neighbour } {
  const link = (entry: Listed | undefined) =>
    entry ? { id: entry.id, title: entry.data.title } : undefined;
  const previous = link(list[index - 1]);
  const next = link(list[index + 1]);
  return { ...(previous && { previous }), ...(next && { next }) };
}
