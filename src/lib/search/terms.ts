/**
 * How Chinese text becomes searchable words, at index time and at query
 * time alike. Pagefind splits Chinese with one dictionary when it indexes
 * and with the browser's `Intl.Segmenter` when it searches; where the two
 * disagree, a phrase on the page is not found. So Duet cuts every run of
 * Han characters into overlapping pairs (bigrams) itself, on both sides,
 * with this one function: any phrase of two or more characters, even the
 * middle of a longer word, becomes pairs that are in the index, and its
 * pairs stand next to each other there, so a quoted search finds it as a
 * phrase. Latin words pass through untouched for Pagefind's English
 * stemmer (align, aligned, alignment).
 */

export const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;

/** "可解释性" -> ["可解", "解释", "释性"]; a lone character stays itself. */
export function hanPairs(run: string): string[] {
  const characters = [...run];
  if (characters.length < 2) return characters;
  return characters.slice(1).map((character, i) => `${characters[i]}${character}`);
}

/** The words Pagefind indexes for a text: Han runs as pairs, the rest as written. */
export function searchableText(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${hanPairs(run).join(' ')} `);
}

export interface SearchQuery {
  /** What the reader typed, trimmed. */
  text: string;
  /** The query as Pagefind should see it: Han runs as pairs. */
  terms: string;
  /** The same words as one exact phrase, for ranking phrase matches first. */
  phrase: string;
  /** The reader asked for an exact phrase by writing it in quotes. */
  quoted: boolean;
  /** The pieces to look for in a turn's own text: Han runs and Latin words. */
  pieces: string[];
  hasHan: boolean;
}

/** Reads what the reader typed; undefined when there is nothing to search for. */
export function parseQuery(input: string): SearchQuery | undefined {
  const text = input.trim();
  const quoted = /^["“].*["”]$/su.test(text) && text.length > 2;
  const bare = quoted ? text.slice(1, -1) : text;
  const pieces = bare
    .split(/[^\p{L}\p{N}_'’-]+/u)
    .flatMap((word) => word.split(/(\p{Script=Han}+)/u))
    .map((piece) => piece.replace(/^['’-]+|['’-]+$/gu, ''))
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece));
  if (pieces.length === 0) return undefined;
  const terms = searchableText(pieces.join(' ')).replace(/\s+/gu, ' ').trim();
  return {
    text,
    terms,
    phrase: `"${terms}"`,
    quoted,
    pieces,
    hasHan: HAN.test(bare),
  };
}

export function isHan(piece: string): boolean {
  return HAN.test(piece);
}
