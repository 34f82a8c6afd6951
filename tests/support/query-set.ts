/**
 * The search query set (tests/fixtures/corpus/search-queries.json): what readers might
 * type, each with the turn it should land on, and how to score a run of it.
 */
import { readFileSync } from 'node:fs';
import { landingTurn, type QueryRun } from './search-driver.ts';
import { SEARCH_QUERIES } from './paths.ts';

export type QueryKind = 'phrase' | 'word' | 'inner' | 'inflected' | 'quoted' | 'mixed' | 'absent';

export interface QueryCase {
  query: string;
  /** The turn the query should land on first; 0 when no turn should match. */
  turn: number;
  language: 'zh' | 'en' | 'mixed';
  kind: QueryKind;
}

export interface QuerySet {
  transcript: string;
  queries: QueryCase[];
}

export function readQuerySet(file = SEARCH_QUERIES): QuerySet {
  return JSON.parse(readFileSync(file, 'utf8')) as QuerySet;
}

export interface Recall {
  language: QueryCase['language'];
  queries: number;
  at1: number;
  at5: number;
}

/** recall@1 and recall@5 per language, over the queries that should find a turn. */
export function recall(set: QuerySet, runs: readonly QueryRun[]): Recall[] {
  const languages = ['zh', 'en', 'mixed'] as const;
  return languages.map((language) => {
    const scored = set.queries
      .map((query, i) => ({ query, run: runs[i] }))
      .filter(({ query }) => query.language === language && query.turn > 0);
    const rankOf = ({ query, run }: (typeof scored)[number]) =>
      (run?.hrefs ?? []).map(landingTurn).indexOf(`${set.transcript}#turn-${query.turn}`);
    const ranks = scored.map(rankOf);
    return {
      language,
      queries: scored.length,
      at1: ranks.filter((rank) => rank === 0).length / Math.max(1, scored.length),
      at5: ranks.filter((rank) => rank >= 0 && rank < 5).length / Math.max(1, scored.length),
    };
  });
}
