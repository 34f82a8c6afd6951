/**
 * A landing's counterparts: where a turn's other language holds what a
 * search found in one, so a translator who searched 可解释性 sees
 * "interpretability" marked in the English beside it, and the reverse. Two
 * sources, each read from the turn's own text:
 *
 * - the glossary, as the page marks it (a glossed English term and its
 *   Chinese term): a term the found words cover whole, in the language they
 *   were found in, has its partner marked in the other;
 * - the query's own words where the other block holds them too: an English
 *   word a Chinese paragraph quotes ("alignment"), or the other half of a
 *   query that mixes both languages. A Latin word there counts in any
 *   inflection, as the search's index does (aligned, alignment).
 */
import { findTerms, termMatcher } from '../transcript/gloss-terms.ts';
import type { Language } from '../transcript/language.ts';
import { blankHan, LATIN_WORD, matchRanges, mergeRanges, type Range } from './matches.ts';
import { isHan, pieceTerms } from './terms.ts';

/** A glossary term in both languages. */
export interface GlossPair {
  zh: string;
  en: string;
}

/** What a search found in a turn: the block's language, its text as written, the words to mark. */
export interface Found {
  language: Language;
  text: string;
  marks: readonly string[];
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether every letter and digit of `text` from `start` to `end` is inside one of `ranges`. */
function covers(ranges: readonly Range[], text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    if (!WORD_CHARACTER.test(text[at]!)) continue;
    if (!ranges.some((range) => range.start <= at && at < range.end)) return false;
  }
  return true;
}

function occurrences(text: string, needle: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    ranges.push({ start: at, end: at + needle.length });
  }
  return ranges;
}

/** A Latin word as the index reads it, whatever its inflection: `aligned` and `alignment` are one. */
const wordKey = (word: string) => pieceTerms(word).join('-');

/** Where `text` holds the words to mark, a Latin word in any inflection. */
function sameWords(text: string, marks: readonly string[]): Range[] {
  const keys = new Set(marks.filter((mark) => !isHan(mark)).map(wordKey));
  const inflected: Range[] = [];
  if (keys.size > 0) {
    for (const word of blankHan(text).matchAll(LATIN_WORD)) {
      if (keys.has(wordKey(word[0]))) {
        inflected.push({ start: word.index, end: word.index + word[0].length });
      }
    }
  }
  return [...matchRanges(text, marks), ...inflected];
}

/** The glossary's terms found whole, marked in the other block as that block writes them. */
function glossedPartners(found: Found, other: string, glossary: readonly GlossPair[]): Range[] {
  if (glossary.length === 0) return [];
  const ranges = matchRanges(found.text, found.marks);
  const whole = ({ start, end }: Range) => covers(ranges, found.text, start, end);
  if (found.language === 'zh') {
    const named = glossary.filter(({ zh }) => occurrences(found.text, zh).some(whole));
    return findTerms(other, termMatcher(named)).map(({ index, text }) => ({
      start: index,
      end: index + text.length,
    }));
  }
  const named = new Set(
    findTerms(found.text, termMatcher(glossary))
      .filter(({ index, text }) => whole({ start: index, end: index + text.length }))
      .map(({ zh }) => zh),
  );
  return [...named].flatMap((zh) => occurrences(other, zh));
}

/** Where the other block of a turn (`other`, its text as written) holds the counterparts of what was found. */
export function counterpartRanges(
  found: Found,
  other: string,
  glossary: readonly GlossPair[],
): Range[] {
  return mergeRanges([
    ...sameWords(other, found.marks),
    ...glossedPartners(found, other, glossary),
  ]);
}
