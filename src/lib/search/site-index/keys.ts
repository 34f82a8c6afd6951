/**
 * Phrase keys: what makes the rarest key of a phrase rare, however common
 * its words (Lucene's CommonGrams). A text's terms (src/lib/search/terms.ts)
 * are its words and its Chinese character pairs; on a large site "the",
 * "kind" and "of" are each in tens of thousands of turns, and so are 我们
 * and 需要. So two neighbouring Latin terms make a key of their own ("kind
 * of"), and so do three neighbouring Han characters (需要的), wherever one
 * of their parts is common: a term that `COMMON` or more documents of a
 * language hold (format.ts). A phrase with a rare word has a rare key
 * already; one of common words only has its pairs, each far rarer than
 * its words. Which parts are common is known to the writer after a first
 * pass over the site (`CommonTerms`), and to a query from its words' own
 * postings, so a query asks only for the phrase keys that exist.
 */
import type { Language } from '../../transcript/language.ts';
import { isHan, latinTerm } from '../terms.ts';
import { SPEAKER_PREFIX } from './format.ts';

/** A Latin word as a pair holds it: lower case, curly apostrophes straight, not stemmed. */
function pairWord(word: string): string {
  return word.toLocaleLowerCase().replace(/’/gu, "'");
}

/**
 * The phrase keys of a text's pieces (`piecesOf`), in order, repeats kept:
 * each pair of neighbouring Latin words (the parts of a hyphenated word
 * are words of their own), across punctuation but not across Han, as
 * `"a b"`, and each three neighbouring Han characters of a run. A pair
 * keeps its words as written, not stemmed, so "the models to" is not
 * found by "the model" and "models to" said apart.
 */
export function phraseKeys(pieces: readonly string[]): string[] {
  const keys: string[] = [];
  let previous: string | undefined;
  for (const piece of pieces) {
    if (isHan(piece)) {
      previous = undefined;
      const characters = [...piece];
      for (let i = 0; i + 2 < characters.length; i++) {
        keys.push(characters.slice(i, i + 3).join(''));
      }
      continue;
    }
    for (const part of piece.split(/-+/u)) {
      if (!/[\p{L}\p{N}]/u.test(part)) continue;
      const word = pairWord(part);
      if (previous !== undefined) keys.push(`${previous} ${word}`);
      previous = word;
    }
  }
  return keys;
}

/**
 * The two terms whose commonness makes a phrase key a key: a pair's
 * words' terms, or a triple's two pairs.
 */
export function partsOf(key: string): [string, string] {
  const space = key.indexOf(' ');
  if (space >= 0) return [latinTerm(key.slice(0, space)), latinTerm(key.slice(space + 1))];
  const [a, b, c] = [...key];
  return [`${a}${b}`, `${b}${c}`];
}

/**
 * Whether a key is a phrase key, as `phraseKeys` makes them: two words
 * with a space between, or three Han characters. A text's own terms are
 * single words and Han pairs; a speaker's may hold a space, and start with
 * `SPEAKER_PREFIX`.
 */
export function isPhraseKey(key: string): boolean {
  if (key.startsWith(SPEAKER_PREFIX)) return false;
  const characters = [...key];
  return key.includes(' ') || (characters.length === 3 && characters.every(isHan));
}

/** Whether a phrase key is indexed in a language: one of its parts is common there. */
export function isIndexed(key: string, isCommon: (term: string) => boolean): boolean {
  const [a, b] = partsOf(key);
  return isCommon(a) || isCommon(b);
}

/** Per language, each term with the number of documents holding it. */
export type TermFrequencies = Record<Language, [term: string, documents: number][]>;

/**
 * Counts, per language, how many documents hold each term, and says which
 * are common: the writer's first pass over the site. A document can be
 * taken out again, so a build may start from the last build's counts
 * (`frequencies`) and count only what changed.
 */
export class CommonTerms {
  readonly #frequency: Record<Language, Map<string, number>>;

  constructor(frequencies: TermFrequencies = { zh: [], en: [] }) {
    this.#frequency = { zh: new Map(frequencies.zh), en: new Map(frequencies.en) };
  }

  /** One document's distinct terms. */
  add(language: Language, terms: Iterable<string>): void {
    const frequency = this.#frequency[language];
    for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }

  /** One document's distinct terms, as `add` had counted them. */
  remove(language: Language, terms: Iterable<string>): void {
    const frequency = this.#frequency[language];
    for (const term of terms) {
      const count = (frequency.get(term) ?? 0) - 1;
      if (count > 0) frequency.set(term, count);
      else frequency.delete(term);
    }
  }

  get frequencies(): TermFrequencies {
    return { zh: [...this.#frequency.zh], en: [...this.#frequency.en] };
  }

  /** The terms of a language that `threshold` or more documents hold, each with how many do. */
  common(language: Language, threshold: number): Map<string, number> {
    const common = new Map<string, number>();
    for (const [term, count] of this.#frequency[language]) {
      if (count >= threshold) common.set(term, count);
    }
    return common;
  }
}
