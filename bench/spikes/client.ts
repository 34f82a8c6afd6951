/**
 * The measuring page's search, run inside Chromium: a stand-in for
 * src/client/search/engine.ts that fetches what the real one would for one
 * screen of results. It loads Pagefind as engine.ts does (noWorker, no
 * excerpts, metadata not ranked), runs the same searches (the words, and
 * the words as a phrase; on a reader page with `ownFilter` the same within
 * its transcript too), drops results found through metadata alone, and
 * reads results with `data()` in rounds of 6, then 12, at most 36, until
 * ten turns are known (a first round of 10 where a record is a whole turn). A record is one turn (A, E, F: a turn's two records
 * count once); a page gives one turn per sub-result, so pages are read two
 * at first, then as many as still seem needed. The site's filter on
 * a turn's own text (`coversQuery`) is left out: Pagefind matched every
 * word in the content of what is read, so it rarely drops one.
 *
 * `installSpikeSearch` is passed to `page.evaluate`, so it must not use
 * anything from this module's scope: everything it needs is inside it.
 */
import type { ClientConfig } from './designs.ts';

export interface SpikeQuery {
  terms: string;
  phrase: string;
  oneWord: boolean;
  quoted: boolean;
  hasHan: boolean;
}

export interface ReadResult {
  url: string;
  /** The record's or page's text, only when asked for (`keepContent`): for ranking in Node. */
  content?: string;
  meta: Record<string, string>;
  locations: number[];
  subResults: { url: string; title: string; locations: number[] }[];
}

export interface SpikeRun {
  /** From the call to the last result read, in milliseconds (the first call loads Pagefind too). */
  ms: number;
  /** Results Pagefind returned, after merging the searches. */
  candidates: number;
  /** Turns the read results give. */
  turns: number;
  read: ReadResult[];
}

export interface SpikeOptions {
  config: ClientConfig;
  /** The reader page's transcript; none on `/`. */
  current?: string | undefined;
  /** Meta fields not to rank by: every field the designs use. */
  metaFields: string[];
  keepContent?: boolean;
}

declare global {
  interface Window {
    spike?: { run(query: SpikeQuery): Promise<SpikeRun> };
  }
}

export function installSpikeSearch({
  config,
  current,
  metaFields,
  keepContent,
}: SpikeOptions): void {
  interface PagefindResult {
    id: string;
    words: number[];
    data(): Promise<{
      url: string;
      content: string;
      meta: Record<string, string>;
      locations: number[];
      sub_results: { url: string; title: string; locations: number[] }[];
    }>;
  }
  interface Pagefind {
    options(options: Record<string, unknown>): Promise<void>;
    init(): Promise<void>;
    mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
    search(
      term: string,
      options?: Record<string, unknown>,
    ): Promise<{ results: PagefindResult[] } | null>;
  }
  const FIRST_BATCH = 6;
  const BATCH = 12;
  const CANDIDATES = 36;
  const SHOWN = 10;
  const settings = {
    excerptLength: 0,
    ranking: { metaWeights: Object.fromEntries(metaFields.map((field) => [field, 0])) },
  };
  const loaded = new Map<string, Promise<Pagefind>>();
  const load = (bundle: string, merge?: string) => {
    let pagefind = loaded.get(bundle);
    if (!pagefind) {
      pagefind = (async () => {
        const url = `/${bundle}/pagefind.js`;
        const module = (await import(/* @vite-ignore */ url)) as Pagefind;
        await module.options({ noWorker: true, ...settings });
        await module.init();
        if (merge) await module.mergeIndex(`/${merge}/`, settings);
        return module;
      })();
      loaded.set(bundle, pagefind);
    }
    return pagefind;
  };
  let sharded: Promise<Pagefind> | undefined;
  const loadShards = (root: string) =>
    (sharded ??= (async () => {
      const shards = (await (await fetch(`/${root}/shards.json`)).json()) as string[];
      const module = await load(shards[0]!);
      for (const shard of shards.slice(1)) await module.mergeIndex(`/${shard}/`, settings);
      return module;
    })());
  const pagefindFor = (query: SpikeQuery): Promise<Pagefind> => {
    const { load: how } = config;
    if (how.kind === 'one') return load(how.bundle);
    if (how.kind === 'by-script') return load(query.hasHan ? how.zh : how.en);
    if (how.kind === 'shards') return loadShards(how.root);
    if (!current) throw new Error('a per-transcript index is searched from its reader page');
    return load(how.shell, how.merge.replace('{slug}', current));
  };

  const run = async (query: SpikeQuery): Promise<SpikeRun> => {
    const started = performance.now();
    const pagefind = await pagefindFor(query);
    const searches = (filters: Record<string, string[]>) => [
      query.oneWord && !query.quoted ? null : pagefind.search(query.phrase, { filters }),
      query.quoted ? null : pagefind.search(query.terms, { filters }),
    ];
    const own = config.ownFilter && current ? searches({ transcript: [current] }) : [];
    const responses = await Promise.all([...own, ...searches({})]);
    const seen = new Set<string>();
    const candidates: PagefindResult[] = [];
    for (const result of responses.flatMap((response) => response?.results ?? [])) {
      if (result.words.length === 0 || seen.has(result.id)) continue;
      seen.add(result.id);
      candidates.push(result);
    }
    const limit = Math.min(candidates.length, CANDIDATES);
    const read: ReadResult[] = [];
    const turns = new Set<string>();
    let taken = 0;
    // A page gives several turns: read two, then as many as the turns per page so far say
    // are still needed (at most a round of records), instead of a round of six whole pages.
    const nextRound = () => {
      if (config.unit === 'record') {
        return taken === 0 ? (config.recordIsTurn ? SHOWN : FIRST_BATCH) : BATCH;
      }
      if (taken === 0) return 2;
      const perPage = Math.max(1, turns.size / taken);
      return Math.min(BATCH, Math.ceil((SHOWN - turns.size) / perPage));
    };
    while (taken < limit && turns.size < SHOWN) {
      const batch = candidates.slice(taken, taken + nextRound());
      taken += batch.length;
      for (const data of await Promise.all(batch.map((result) => result.data()))) {
        const subResults = (data.sub_results ?? []).map(({ url, title, locations }) => ({
          url,
          title,
          locations,
        }));
        const { url, meta, locations, content } = data;
        read.push({ url, meta, locations, subResults, ...(keepContent ? { content } : {}) });
        if (config.unit === 'record') turns.add(`${data.meta.slug}#${data.meta.turn}`);
        else for (const sub of subResults) turns.add(sub.url);
      }
    }
    return {
      ms: performance.now() - started,
      candidates: candidates.length,
      turns: turns.size,
      read,
    };
  };
  window.spike = { run };
}
