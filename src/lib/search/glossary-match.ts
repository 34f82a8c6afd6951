/**
 * Which glossary terms a query names: a Chinese query of two or more
 * characters found in a term's Chinese, or an English one of two or more
 * letters that starts a word of its English term or is its abbreviation,
 * case aside. A glossary is a few dozen terms, so each is tried in turn.
 */
import type { TermRecord } from '../glossary-index.ts';

/** The most terms a query shows: they come after its turns. */
export const MOST_TERMS = 3;

export function matchTerms<Term extends Pick<TermRecord, 'zh' | 'en' | 'abbr'>>(
  query: string,
  terms: readonly Term[],
): Term[] {
  const wanted = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const han = wanted.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han === 0 ? wanted.length < 2 : han < 2) return [];
  return terms
    .filter(({ zh, en, abbr }) => {
      if (han > 0) return zh.includes(wanted);
      const english = en.toLowerCase().replace(/\s+/g, ' ');
      const at = english.indexOf(wanted);
      const startsWord = at === 0 || (at > 0 && english[at - 1] === ' ');
      return startsWord || abbr?.toLowerCase() === wanted;
    })
    .slice(0, MOST_TERMS);
}
