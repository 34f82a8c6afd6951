/**
 * The page's glossary terms: `terms.json` beside the glossary page that the
 * page's glossary link names (`a[data-glossary]`, on a reader page with
 * terms and on `/`), fetched once for the search's glossary results
 * (./search/glossary.ts) and a reader's marks' tooltips (./gloss-tips.ts),
 * whichever asks first. Without it (offline, say) there are no terms, and
 * the next ask fetches again.
 */
import type { TermRecord } from '../lib/glossary-index.ts';

let terms: Promise<TermRecord[]> | undefined;

/** The address of the page's glossary, if it has one. */
export function glossaryPage(): string | undefined {
  return document.querySelector<HTMLAnchorElement>('a[data-glossary]')?.href;
}

export function glossaryTerms(): Promise<TermRecord[]> {
  const page = glossaryPage();
  if (!page) return Promise.resolve([]);
  terms ??= fetch(new URL('terms.json', page))
    .then((response) => (response.ok ? (response.json() as Promise<TermRecord[]>) : []))
    .catch(() => {
      terms = undefined;
      return [];
    });
  return terms;
}
