/**
 * Search quality on the seed alone: for each query of the query set
 * (tests/fixtures/corpus/search-queries.json), is the turn it should find
 * the first result? What the page read (client.ts) is ranked here with
 * today's src/lib/search/rank.ts, adapted per design:
 *
 * - records of one language (A, E, F): `readHit` and `rank` as they are;
 * - a record holding both languages (B): read as two hits, the English
 *   text (the content up to meta `en`) and the Chinese (meta `zh`, the
 *   content's pairs after it), each with its own word positions;
 * - sub-results (C, D): each sub-result is a turn; its two texts are those
 *   a fragment carries (meta `zh<N>`, and the page's content between two
 *   turns' anchors; here taken from the parsed seed, which is the same
 *   text), ranked phrase first, then by how many of the query's words the
 *   turn holds (Pagefind ranks pages, not the turns in them: it returns
 *   sub-results in page order), then in Pagefind's order of pages.
 */
import { same } from '../../src/lib/localized.ts';
import { rank, type ReadHit } from '../../src/lib/search/rank.ts';
import { containsPhrase } from '../../src/lib/search/matches.ts';
import { coversQuery } from './pagefind-records.ts';
import { readHit, type FoundRecord } from './pagefind-records.ts';
import { parseQuery, type SearchQuery } from '../../src/lib/search/terms.ts';
import type { Language } from '../../src/lib/transcript/language.ts';
import { readQuerySet, type QueryCase } from '../../tests/support/query-set.ts';
import type { ReadResult, SpikeRun } from './client.ts';
import type { Entry } from './corpus.ts';
import type { Design } from './designs.ts';

export const QUERY_SET_FILE = 'tests/fixtures/corpus/search-queries.json';

export interface QualityRow {
  query: string;
  kind: QueryCase['kind'];
  language: QueryCase['language'];
  wanted: number;
  /** Turn numbers ranked first to fifth (all in the seed). */
  ranked: number[];
}

function recordHits(record: ReadResult, query: SearchQuery): ReadHit[] {
  const found = (content: string, meta: Record<string, string>, locations: number[]) =>
    readHit({ content, meta, locations } satisfies Omit<FoundRecord, 'url'>, query);
  const content = record.content ?? '';
  if (record.meta.en === undefined) {
    const hit = found(content, record.meta, record.locations);
    return hit ? [hit] : [];
  }
  // B: English first, then the Chinese pairs; positions count whitespace-separated words.
  const english = content.slice(0, Number(record.meta.en));
  const englishWords = english.split(/[\r\n\s]+/g).length;
  const pairs = content.slice(Number(record.meta.en));
  const { zh, en: _en, ...meta } = record.meta;
  return [
    found(
      english,
      { ...meta, language: 'en' },
      record.locations.filter((at) => at < englishWords),
    ),
    found(pairs, { ...meta, language: 'zh', text: zh ?? '' }, []),
  ].filter((hit): hit is ReadHit => hit !== undefined);
}

function subResultHits(runs: ReadResult[], query: SearchQuery, seed: Entry): ReadHit[] {
  const hits: { entry: ReadHit; words: number; order: number }[] = [];
  for (const page of runs) {
    for (const sub of page.subResults) {
      const turnNumber = Number(/#turn-(\d+)$/.exec(sub.url)?.[1]);
      const turn = seed.transcript.turns[turnNumber - 1];
      if (!turn) continue;
      for (const language of ['zh', 'en'] as const satisfies Language[]) {
        const { text } = turn[language];
        hits.push({
          entry: {
            hit: {
              slug: seed.slug,
              transcript: same(''),
              speaker: same(turn.speaker),
              turn: turnNumber,
              language,
              text,
              marks: [],
            },
            phrase: containsPhrase(text, query.pieces),
            covers: coversQuery(text, query.pieces),
          },
          words: sub.locations.length,
          order: hits.length,
        });
      }
    }
  }
  return hits.sort((a, b) => b.words - a.words || a.order - b.order).map(({ entry }) => entry);
}

/** What a page read, ranked as the site ranks; sub-results only of the seed's turns. */
export function rankedHits(design: Design, run: SpikeRun, text: string, seed: Entry) {
  const query = parseQuery(text);
  if (!query) return [];
  const read =
    design.client.unit === 'record'
      ? run.read.flatMap((record) => recordHits(record, query))
      : subResultHits(run.read, query, seed);
  return rank(query, read, false).hits;
}

export function rankRun(design: Design, run: SpikeRun, text: string, seed: Entry): number[] {
  return rankedHits(design, run, text, seed).map((hit) => hit.turn);
}

export function qualityRows(
  design: Design,
  runs: readonly SpikeRun[],
  cases: readonly QueryCase[],
  seed: Entry,
): QualityRow[] {
  return cases.map((query, i) => ({
    query: query.query,
    kind: query.kind,
    language: query.language,
    wanted: query.turn,
    ranked: rankRun(design, runs[i]!, query.query, seed).slice(0, 5),
  }));
}

export function querySet(): QueryCase[] {
  return readQuerySet(QUERY_SET_FILE).queries;
}

export interface RecallCell {
  at1: number;
  at5: number;
  of: number;
}

/** recall@1 and @5 per language; `absent` counts absent queries that found nothing. */
export function recallOf(
  rows: readonly QualityRow[],
): Record<'zh' | 'en' | 'mixed' | 'absent', RecallCell> {
  const cell = (selected: QualityRow[]): RecallCell => ({
    at1: selected.filter((row) => row.ranked[0] === row.wanted).length,
    at5: selected.filter((row) => row.ranked.includes(row.wanted)).length,
    of: selected.length,
  });
  const present = rows.filter((row) => row.wanted > 0);
  const absent = rows.filter((row) => row.wanted === 0);
  return {
    zh: cell(present.filter((row) => row.language === 'zh')),
    en: cell(present.filter((row) => row.language === 'en')),
    mixed: cell(present.filter((row) => row.language === 'mixed')),
    absent: {
      at1: absent.filter((row) => row.ranked.length === 0).length,
      at5: 0,
      of: absent.length,
    },
  };
}
