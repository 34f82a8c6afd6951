/**
 * How text becomes search terms, one way for the whole site: the site
 * index's writer counts these terms at build time, and the browser looks
 * up the same terms for a query and matches a reader page's own turns with
 * them. Every run of Han characters becomes overlapping pairs (bigrams), so
 * any phrase of two or more characters, even the middle of a longer word,
 * is found with no dictionary to disagree with; Latin words are stemmed
 * (align, aligned, alignment are one term).
 */

import { stem } from 'porter2';

export const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;

/** "可解释性" -> ["可解", "解释", "释性"]; a lone character stays itself. */
export function hanPairs(run: string): string[] {
  const characters = [...run];
  if (characters.length < 2) return characters;
  return characters.slice(1).map((character, i) => `${characters[i]}${character}`);
}

/**
 * The words and Han runs of a text, as a reader would pick them out: split
 * on anything but letters, digits, `_`, apostrophes and hyphens, Han runs
 * apart from the Latin words they touch ("SAE稀疏" -> "SAE", "稀疏"), with
 * apostrophes and hyphens trimmed from each end.
 */
export function piecesOf(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}_'’-]+/u)
    .flatMap((word) => word.split(/(\p{Script=Han}+)/u))
    .map((piece) => piece.replace(/^['’-]+|['’-]+$/gu, ''))
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}

/**
 * A Latin word as the index keeps it: lower case, curly apostrophes
 * straight, then Porter2-stemmed (the Snowball English stemmer), so align,
 * aligned and alignment are one term. Words with letters outside a-z
 * (naïve, 2024) are kept lower-cased as they are.
 */
export function latinTerm(word: string): string {
  let term = stems.get(word);
  if (term === undefined) {
    const lowered = word.toLocaleLowerCase().replace(/’/gu, "'");
    term = /^[a-z']+$/u.test(lowered) ? stem(lowered) : lowered;
    // A site says the same few thousand words over and over: each is stemmed once.
    if (stems.size >= MOST_STEMS) stems.clear();
    stems.set(word, term);
  }
  return term;
}

/** Words already stemmed, as written; emptied when it holds this many, so it cannot grow without end. */
const MOST_STEMS = 100_000;
const stems = new Map<string, string>();

/**
 * The index terms of one piece (see `piecesOf`): a Han run's pairs, or a
 * Latin word's stems, one per part of a hyphenated word, so "self-driving"
 * is found by "driving" too.
 */
export function pieceTerms(piece: string): string[] {
  if (isHan(piece)) return hanPairs(piece);
  return piece
    .split(/-+/u)
    .filter((part) => /[\p{L}\p{N}]/u.test(part))
    .map(latinTerm);
}

/**
 * The index terms of a text, in the order they stand, repeats kept: what
 * the site index counts at build time and what a reader page matches its
 * own turns with, so both find the same turns for the same query.
 */
export function textTerms(text: string): string[] {
  return piecesOf(text).flatMap(pieceTerms);
}

export interface SearchQuery {
  /** What the reader typed, trimmed. */
  text: string;
  /** The reader asked for an exact phrase by writing it in quotes. */
  quoted: boolean;
  /** The pieces to look for in a turn's own text: Han runs and Latin words. */
  pieces: string[];
  /** The distinct index terms of all the pieces (`textTerms`): what the site index looks up. */
  keys: string[];
  /** The terms a turn must hold whatever `begun` is: those of every piece but a begun one. */
  required: string[];
  /**
   * The last word, lower case, while it may still be being typed (a Latin
   * word at the very end of an unquoted query): a turn holding its terms
   * or a word that begins with it answers it, so "corrigib" finds
   * corrigibility.
   */
  begun?: { word: string; terms: string[] } | undefined;
  hasHan: boolean;
}

/** Reads what the reader typed; undefined when there is nothing to search for. */
export function parseQuery(input: string): SearchQuery | undefined {
  const text = input.trim();
  const quoted = /^["“].*["”]$/su.test(text) && text.length > 2;
  const bare = quoted ? text.slice(1, -1) : text;
  const pieces = piecesOf(bare);
  if (pieces.length === 0) return undefined;
  const last = pieces.at(-1)!;
  const open = !quoted && !isHan(last) && input.trimStart().endsWith(last);
  const settled = open ? pieces.slice(0, -1) : pieces;
  return {
    text,
    quoted,
    pieces,
    keys: [...new Set(pieces.flatMap(pieceTerms))],
    required: [...new Set(settled.flatMap(pieceTerms))],
    begun: open ? { word: last.toLocaleLowerCase(), terms: pieceTerms(last) } : undefined,
    hasHan: HAN.test(bare),
  };
}

/**
 * Whether a text answers every piece of the query: it holds each required
 * term, and the begun word's terms or a word that begins with it. `holds`
 * says whether the text has a term; `words` are the text's pieces.
 */
export function answers(
  query: SearchQuery,
  holds: (term: string) => boolean,
  words: () => Iterable<string>,
): boolean {
  if (!query.required.every(holds)) return false;
  const { begun } = query;
  if (!begun || begun.terms.every(holds)) return true;
  for (const word of words()) if (word.toLocaleLowerCase().startsWith(begun.word)) return true;
  return false;
}

export function isHan(piece: string): boolean {
  return HAN.test(piece);
}
