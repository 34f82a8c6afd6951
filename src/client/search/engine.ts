/**
 * A search, from what the reader typed to the turns to show. A reader page
 * searches its own turns, in the page, and the whole site only when the
 * reader widens the search; `/` searches the whole site through the site
 * index (./site.ts). Either way the turns are ranked by
 * src/lib/search/rank.ts, and a query in Traditional characters is read in
 * Simplified ones first. A query that reads as pinyin finds, after what it
 * finds as typed, the turns holding the Han strings it spells (./pinyin.ts).
 */
import { SHOWN, type SearchOutcome } from '../../lib/search/rank.ts';
import { parseQuery, type SearchQuery } from '../../lib/search/terms.ts';
import type { Language } from '../../lib/transcript/language.ts';
import { searchPage } from './in-page.ts';
import { MOST_SPELLED, withSpelled } from '../../lib/search/pinyin/spelled.ts';
import { spelledIn } from './pinyin.ts';
import { searchSite, simplifiedQuery } from './site.ts';

export interface SearchFilters {
  speaker?: string | undefined;
  language?: Language | undefined;
  /** The transcript of the reader page searched from: its turns are searched, and come first. */
  current?: string | undefined;
  /** On a reader page, search every transcript, not only this one. */
  wide?: boolean | undefined;
}

export interface SearchCallbacks {
  /** Receives the results known so far while more are still being read. */
  onProgress?: (outcome: SearchOutcome) => void;
  /** False once a newer search has started: this one stops reading. */
  isCurrent?: () => boolean;
}

/**
 * A widened search on a reader page: this transcript's turns first (up to
 * a screenful), then up to a screenful from the others.
 */
function widened(own: SearchOutcome, site: SearchOutcome, current: string): SearchOutcome {
  const others = site.hits.filter((hit) => hit.slug !== current);
  return {
    query: own.query,
    hits: [...own.hits, ...others.slice(0, SHOWN)],
    more: own.more || site.more || others.length > SHOWN,
  };
}

export async function searchTurns(
  input: string,
  filters: SearchFilters,
  callbacks: SearchCallbacks = {},
): Promise<SearchOutcome | undefined> {
  // A Traditional query finds what its Simplified form finds, on a reader page and on `/`.
  const query = parseQuery(await simplifiedQuery(input));
  if (!query) return undefined;
  const [typed, spelled] = await Promise.all([
    searchQuery(query, filters, callbacks),
    spelledIn(query.text),
  ]);
  const { isCurrent = () => true } = callbacks;
  if (spelled.length === 0 || !isCurrent()) return typed;
  // What the query finds as typed shows while its pinyin is searched.
  if (typed.hits.length > 0) callbacks.onProgress?.(typed);
  const found = await Promise.all(
    spelled
      // A reader page's own turns are searched where they stand, at no cost: every string.
      .slice(0, filters.current && !filters.wide ? undefined : MOST_SPELLED)
      .map((han) => searchQuery(parseQuery(han)!, filters, { isCurrent })),
  );
  return withSpelled(typed, found, filters.current);
}

async function searchQuery(
  query: SearchQuery,
  filters: SearchFilters,
  { onProgress, isCurrent = () => true }: SearchCallbacks,
): Promise<SearchOutcome> {
  const { current, wide, speaker, language } = filters;
  const scope = { speaker, language };
  if (!current) return searchSite(query, scope, { onProgress, isCurrent });

  const own = searchPage(query, current, scope);
  if (!wide) return own;
  onProgress?.(own);
  const site = await searchSite(query, scope, {
    isCurrent,
    onProgress: (partial) => onProgress?.(widened(own, partial, current)),
  });
  return widened(own, site, current);
}
