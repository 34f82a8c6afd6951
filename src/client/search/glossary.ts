/**
 * Glossary terms among a search's results: the page's glossary link
 * (`a[data-glossary]`, on a reader page with terms and on `/`) says where its
 * terms are (`terms.json` beside the glossary page), fetched once, with the
 * search's first query; each matching term links to its row there, or on
 * the page below it that holds its row (the site's glossary, a page per
 * initial).
 */
import type { TermRecord } from '../../lib/glossary-index.ts';
import { matchTerms } from '../../lib/search/glossary-match.ts';

export interface TermHit extends TermRecord {
  href: string;
}

let terms: Promise<TermHit[]> | undefined;

function load(): Promise<TermHit[]> {
  const page = document.querySelector<HTMLAnchorElement>('a[data-glossary]')?.href;
  if (!page) return Promise.resolve([]);
  return (
    fetch(new URL('terms.json', page))
      .then((response) => (response.ok ? (response.json() as Promise<TermRecord[]>) : []))
      .then((records) =>
        records.map((record) => ({
          ...record,
          href: new URL(`${record.page ?? ''}#${record.id}`, page).href,
        })),
      )
      // Without its terms the search still finds turns; the next query tries again.
      .catch(() => {
        terms = undefined;
        return [];
      })
  );
}

/** The terms a query names, once the page's terms are in. */
export async function searchGlossary(query: string): Promise<TermHit[]> {
  terms ??= load();
  return matchTerms(query, await terms) as TermHit[];
}
