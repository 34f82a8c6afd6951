/**
 * Loads Pagefind's browser script on demand. Nothing of search is fetched
 * until the reader focuses the search field or types in it.
 */
import { SEARCH_BUNDLE } from '../../lib/search/bundle.ts';
import { recordMetaFields, type FoundRecord } from '../../lib/search/records.ts';

export interface PagefindResult {
  id: string;
  score: number;
  /** Matched word positions in the content; empty when only metadata matched. */
  words: number[];
  data(): Promise<FoundRecord>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export type PagefindFilters = Record<string, string[]>;

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: PagefindFilters }): Promise<PagefindResponse | null>;
}

/** Metadata is for showing results, not for matching them; Pagefind may add a title of its own. */
const META_FIELDS = [...recordMetaFields, 'title'];

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // A variable, not a literal: the bundle exists only after the build, so Vite must not resolve it.
    const url = `/${SEARCH_BUNDLE}/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({
      // The index is small per query; a worker would cost a second copy of the script.
      noWorker: true,
      excerptLength: 0,
      ranking: { metaWeights: Object.fromEntries(META_FIELDS.map((field) => [field, 0])) },
    });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (offline, say) may be tried again on the next keystroke.
  loading.catch(() => (loading = undefined));
  return loading;
}
