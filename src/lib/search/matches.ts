/**
 * Where a search's words are in a turn's own text: for the excerpt under a
 * result and for the highlight on the turn it lands on. Han terms match as
 * the index does, pair by pair, so "可解释性" lights up wherever its pairs
 * stand together; Latin terms match the words they begin (the words a
 * search found, such as "aligned" for "alignment", arrive as marks).
 */
import { HAN_RUN, hanPairs, isHan } from './terms.ts';

/** A half-open range of UTF-16 offsets into a text. */
export interface Range {
  start: number;
  end: number;
}

export const LATIN_WORD = /[\p{L}\p{N}_](?:[\p{L}\p{N}_'’-]*[\p{L}\p{N}_])?/gu;

/** The text with its Han runs blanked, offsets kept, so "SAE稀疏" still yields the word "SAE". */
export function blankHan(text: string): string {
  return text.replace(HAN_RUN, (run) => ' '.repeat(run.length));
}

function hanRanges(text: string, term: string): Range[] {
  const ranges: Range[] = [];
  for (const needle of new Set(hanPairs(term))) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      ranges.push({ start: at, end: at + needle.length });
    }
  }
  return ranges;
}

/** Whole words that begin with one of the terms; `text` has its Han runs blanked. */
export function latinRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0) return [];
  const lowered = terms.map((term) => term.toLocaleLowerCase());
  const ranges: Range[] = [];
  for (const word of text.matchAll(LATIN_WORD)) {
    const candidate = word[0].toLocaleLowerCase();
    if (lowered.some((term) => candidate.startsWith(term))) {
      ranges.push({ start: word.index, end: word.index + word[0].length });
    }
  }
  return ranges;
}

/** Sorted ranges with overlapping and touching ones joined. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Every place in `text` where one of `terms` matches. */
export function matchRanges(text: string, terms: readonly string[]): Range[] {
  const han = terms.filter(isHan);
  const latin = terms.filter((term) => !isHan(term));
  return mergeRanges([
    ...han.flatMap((term) => hanRanges(text, term)),
    ...latinRanges(blankHan(text), latin),
  ]);
}

/** Letters and digits only, lower case, words one space apart, no spaces beside Han. */
function normalise(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/ ?(\p{Script=Han}) ?/gu, '$1')
    .trim();
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether `outside`, beside a phrase's `edge` character, leaves the phrase's word whole. */
function isWordEdge(outside: string | undefined, edge: string): boolean {
  return isHan(edge) || outside === undefined || !WORD_CHARACTER.test(outside) || isHan(outside);
}

/**
 * A query's pieces, normalised, kept for as long as the query is: its
 * phrase is compared with every turn a search reads, and a pasted page is
 * 10,000 characters to normalise each time.
 */
const phrases = new WeakMap<readonly string[], string>();

function normalisedPhrase(pieces: readonly string[]): string {
  let phrase = phrases.get(pieces);
  if (phrase === undefined) {
    phrase = normalise(pieces.join(' '));
    phrases.set(pieces, phrase);
  }
  return phrase;
}

/**
 * Whether the pieces of a query stand in `text` as one phrase, punctuation
 * and case aside. The phrase starts at the start of a word; its last word
 * may be unfinished, as it is while the reader types, unless `whole`.
 */
export function containsPhrase(text: string, pieces: readonly string[], whole = false): boolean {
  const phrase = normalisedPhrase(pieces);
  if (phrase.length === 0) return false;
  const haystack = normalise(text);
  if (phrase.length > haystack.length) return false;
  for (let at = haystack.indexOf(phrase); at >= 0; at = haystack.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    if (
      isWordEdge(haystack[at - 1], phrase[0]!) &&
      (!whole || isWordEdge(haystack[end], phrase.at(-1)!))
    ) {
      return true;
    }
  }
  return false;
}
