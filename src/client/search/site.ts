/**
 * The whole site's search, in the browser: the site index under
 * `<base>/search/` (src/lib/search/site-index/), fetched file by file as a
 * query needs it. Nothing is fetched before the reader reaches the search
 * field; then only the manifest, a few hundred bytes.
 */
import { sitePath } from '../../lib/address.ts';
import type { SearchOutcome } from '../../lib/search/rank.ts';
import { SEARCH_BUNDLE } from '../../lib/search/bundle.ts';
import { SiteIndexReader, type Load } from '../../lib/search/site-index/reader.ts';
import {
  searchIndex,
  type SiteFilters,
  type SiteSearchCallbacks,
} from '../../lib/search/site-index/search.ts';
import type { SearchQuery } from '../../lib/search/terms.ts';
import {
  isHan,
  readTable,
  simplify,
  TRADITIONAL_TABLE,
  type TraditionalTable,
} from '../../lib/reading-aids/format.ts';

/** The address of an index file; the version keeps caches from serving another build's. */
export function indexUrl(path: string, version: string | undefined): string {
  const url = sitePath(`${SEARCH_BUNDLE}/${path}`);
  return version === undefined ? url : `${url}?v=${encodeURIComponent(version)}`;
}

const load: Load = async (path, version) => {
  const url = indexUrl(path, version);
  // The manifest names the build; it is checked with the server each time the page asks.
  const response = await fetch(url, version === undefined ? { cache: 'no-cache' } : {});
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return response.text();
};

let reader: SiteIndexReader | undefined;

function siteIndex(): SiteIndexReader {
  reader ??= new SiteIndexReader(load);
  return reader;
}

/** Fetches the manifest, so the first query fetches only its own files; for when the field is focused. */
export async function preloadSiteIndex(): Promise<void> {
  await siteIndex().manifest();
}

/**
 * Searches every transcript of the site. Rejects when a file of the index
 * cannot be loaded or is not valid, with an Error naming the file.
 */
export function searchSite(
  query: SearchQuery,
  filters: SiteFilters,
  callbacks: SiteSearchCallbacks = {},
): Promise<SearchOutcome> {
  return searchIndex(siteIndex(), query, filters, callbacks);
}

let table: Promise<ReadonlyMap<string, string>> | undefined;

/**
 * The query with its Traditional characters in their Simplified forms,
 * which the site's text is written in, through the table beside the index
 * (src/lib/reading-aids/format.ts): a few kilobytes, fetched the first time
 * a query holds a Han character. A query it cannot map (the table did not
 * load, as in `astro dev`) is searched as typed.
 */
export async function simplifiedQuery(input: string): Promise<string> {
  if (!Array.from(input).some(isHan)) return input;
  table ??= siteIndex()
    .manifest()
    .then(({ version }) => load(TRADITIONAL_TABLE, version))
    .then((text) => readTable((JSON.parse(text) as TraditionalTable).pairs));
  try {
    return simplify(input, await table);
  } catch {
    table = undefined;
    return input;
  }
}
