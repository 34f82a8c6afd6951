/**
 * The site's glossary had one page, and an address of a term on it,
 * `/glossary/#term-可解释性`, which search results linked to and readers may
 * have kept. Its rows are now on a page per initial (`/glossary/k/`), and
 * that address is the index's: this takes it on to the term's row, by the
 * terms' list that search on `/` reads too (`terms.json`, each term with
 * its page). Any other address of the index is left alone.
 */
import type { TermRecord } from '../lib/glossary-index.ts';

const id = decodeURIComponent(location.hash.slice(1));
if (id.startsWith('term-') && !document.getElementById(id)) {
  fetch(new URL('terms.json', location.href))
    .then((response) => (response.ok ? (response.json() as Promise<TermRecord[]>) : []))
    .then((records) => {
      const found = records.find((record) => record.id === id);
      if (found?.page) location.replace(new URL(`${found.page}#${found.id}`, location.href));
    })
    // Offline, the reader stays on the index, which links to every page.
    .catch(() => undefined);
}
