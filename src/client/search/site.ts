/**
 * The whole site's search, in the browser: the site index under
 * `<base>/search/` (src/lib/search/site-index/), fetched as a query needs
 * it: its JSON files whole, and the parts of its binary files by HTTP
 * range. Nothing is fetched before the reader reaches the search field;
 * then only the manifest, a few hundred bytes.
 */
import { sitePath } from '../../lib/address.ts';
import type { SearchOutcome } from '../../lib/search/rank.ts';
import { SEARCH_BUNDLE } from '../../lib/search/bundle.ts';
import { SiteIndexReader, type IndexSource } from '../../lib/search/site-index/reader.ts';
import {
  searchIndex,
  type SiteFilters,
  type SiteSearchCallbacks,
} from '../../lib/search/site-index/search.ts';
import type { Manifest } from '../../lib/search/site-index/format.ts';
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

async function fetched(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return response;
}

/** Binary files a host sent whole, for the next range of them. */
const wholeFiles = new Map<string, Promise<Uint8Array>>();

/** The first byte a 206 response says it holds, from `Content-Range: bytes 100-199/5000`. */
function rangeStart(response: Response): number | undefined {
  const match = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : undefined;
}

const source: IndexSource = {
  async text(path, version, priority) {
    // The manifest names the build; it is checked with the server each time the page asks.
    const init: RequestInit = version === undefined ? { cache: 'no-cache' } : { priority };
    return (await fetched(indexUrl(path, version), init)).text();
  },
  async range(path, version, start, end, priority) {
    const url = indexUrl(path, version);
    const whole = wholeFiles.get(url);
    if (whole) return (await whole).subarray(start, end);
    // Past the browser's cache: Chromium lets one request at a time through its cache entry for
    // an address, so ranges of one file asked for together would arrive one after another. The
    // reader keeps what it read for the page's lifetime (reader.ts).
    const response = await fetched(url, {
      cache: 'no-store',
      priority,
      headers: { range: `bytes=${start}-${end - 1}` },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status === 206 && rangeStart(response) === start && bytes.length === end - start) {
      return bytes;
    }
    // A host that ignores ranges sends the whole file (200); one that compressed what it sliced
    // sends bytes that are not the range asked for: either way, the whole file is read instead.
    const file =
      response.status === 200
        ? Promise.resolve(bytes)
        : fetched(url).then(async (again) => new Uint8Array(await again.arrayBuffer()));
    wholeFiles.set(url, file);
    file.catch(() => wholeFiles.delete(url));
    return (await file).subarray(start, end);
  },
};

let reader: SiteIndexReader | undefined;

function siteIndex(): SiteIndexReader {
  reader ??= new SiteIndexReader(source);
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

/** The index's manifest, for the files beside the index (the pinyin aliases, ./pinyin.ts). */
export function siteManifest(): Promise<Manifest> {
  return siteIndex().manifest();
}

/** A JSON file of the index, or beside it, of the build the manifest's version names. */
export function indexText(path: string, version: string): Promise<string> {
  return source.text(path, version);
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
    .then(({ version }) => source.text(TRADITIONAL_TABLE, version))
    .then((text) => readTable((JSON.parse(text) as TraditionalTable).pairs));
  try {
    return simplify(input, await table);
  } catch {
    table = undefined;
    return input;
  }
}
