/**
 * The address a search result links to: the turn's permalink with the
 * language the match was found in and the words to highlight, e.g.
 * `/alignment-panel/?in=zh&mark=稀疏#turn-13`. The reader page reads them
 * once, then drops them from the address so what a reader copies is the
 * plain permalink.
 */
import { isLanguage, type Language } from '../transcript/language.ts';
import { turnId } from '../turn-id.ts';

export const FOUND_IN = 'in';
export const MARK = 'mark';

export interface Landing {
  slug: string;
  turn: number;
  language: Language;
  marks: readonly string[];
}

/** The landing address of a turn, under the site's base path (`/`, or `/some/path/`). */
export function landingHref({ slug, turn, language, marks }: Landing, base = '/'): string {
  const query = new URLSearchParams([[FOUND_IN, language], ...marks.map((mark) => [MARK, mark])]);
  return `${base}${slug}/?${query}#${turnId(turn)}`;
}

/** What a landing address asks of the page, or undefined for an ordinary visit. */
export function readLanding(url: URL): { language: Language; marks: string[] } | undefined {
  const language = url.searchParams.get(FOUND_IN);
  if (!isLanguage(language)) return undefined;
  return { language, marks: url.searchParams.getAll(MARK).filter((mark) => mark.trim() !== '') };
}

/** The same address without the landing's parameters. */
export function withoutLanding(url: URL): URL {
  const clean = new URL(url);
  clean.searchParams.delete(FOUND_IN);
  clean.searchParams.delete(MARK);
  return clean;
}
