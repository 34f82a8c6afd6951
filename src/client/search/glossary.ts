/**
 * Glossary terms among a search's results: the page's terms
 * (../glossary-terms.ts), fetched with the search's first query; each
 * matching term links to its row there, or on the page below it that
 * holds its row (the site's glossary, a page per initial).
 */
import { matchTerms } from '../../lib/search/glossary-match.ts';
import type { TermRecord } from '../../lib/glossary-index.ts';
import { glossaryPage, glossaryTerms } from '../glossary-terms.ts';

export interface TermHit extends TermRecord {
  href: string;
}

/** The terms a query names, once the page's terms are in. */
export async function searchGlossary(query: string): Promise<TermHit[]> {
  const page = glossaryPage();
  return matchTerms(query, await glossaryTerms()).map((term) => ({
    ...term,
    href: new URL(`${term.page ?? ''}#${term.id}`, page).href,
  }));
}
