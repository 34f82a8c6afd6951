/**
 * The site index inside a real `astro build`: made from the records the
 * build wrote from the content collection, which are then removed, with
 * the indexing's own report written as data for the benchmark.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SEARCH_BUNDLE,
  SEARCH_INDEX_REPORT,
  SEARCH_RECORDS,
  type SearchIndexReport,
} from '../../src/lib/search/bundle.ts';
import { TRADITIONAL_TABLE } from '../../src/lib/reading-aids/format.ts';
import { ALIAS_FOLDER } from '../../src/lib/search/pinyin/aliases.ts';
import { documentOf, MANIFEST } from '../../src/lib/search/site-index/format.ts';
import {
  readManifest,
  SiteIndexReader,
  type IndexSource,
} from '../../src/lib/search/site-index/reader.ts';
import { searchIndex } from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { readTranscripts } from '../../src/lib/transcript/files.ts';
import { buildSite, type IsolatedBuild } from '../support/astro-build.ts';
import { GOOD } from '../unit/helpers.ts';

const WORK = 'tests/.output/search-index';

/** The built index's files, as a server sends them. */
function builtSource(index: string): IndexSource {
  return {
    text: async (file) => readFileSync(path.join(index, file), 'utf8'),
    range: async (file, _version, start, end) =>
      new Uint8Array(readFileSync(path.join(index, file)).subarray(start, end)),
  };
}

describe('the site index of a build', () => {
  let build: IsolatedBuild;
  let index: string;
  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    build = buildSite(GOOD, WORK);
    index = path.join(build.outDir, SEARCH_BUNDLE);
  });

  it('holds every turn of every transcript, and its input records are removed', async () => {
    expect(build.status, build.output).toBe(0);
    const { transcripts } = await readTranscripts(GOOD, process.cwd());
    const turns = transcripts.reduce((sum, { transcript }) => sum + transcript.turns.length, 0);

    const report = JSON.parse(
      readFileSync(path.join(build.cacheDir, SEARCH_INDEX_REPORT), 'utf8'),
    ) as SearchIndexReport;
    expect(report).toMatchObject({ transcripts: transcripts.length, turns, records: turns * 2 });
    expect(report.seconds).toBeGreaterThan(0);

    const manifest = readManifest(JSON.parse(readFileSync(path.join(index, MANIFEST), 'utf8')));
    expect(manifest).toMatchObject({ transcripts: transcripts.length, turns });
    // Every turn's texts, in packs of 16 turns, the last turn's English last.
    expect(readdirSync(path.join(index, 'f'))).toHaveLength(Math.ceil(turns / 16));
    const reader = new SiteIndexReader(builtSource(index));
    const last = transcripts.at(-1)!.transcript.turns.at(-1)!;
    expect(await reader.fragment(documentOf(turns - 1, 'en'))).toMatchObject({
      turn: last.number,
      text: last.en.text,
    });
    // Beside the index (its shards, packs and texts; this small site has no list past a first
    // block), the search's table of Traditional characters and its pinyin aliases.
    expect(readdirSync(index).sort()).toEqual(
      ['f', MANIFEST, 's', 't', TRADITIONAL_TABLE, ALIAS_FOLDER].sort(),
    );
    expect(existsSync(path.join(build.outDir, SEARCH_RECORDS))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'pagefind'))).toBe(false);
  });

  it('finds a turn of the site by a phrase of its text', async () => {
    const { transcripts } = await readTranscripts(GOOD, process.cwd());
    const { slug, transcript } = transcripts.find((file) => file.slug === 'mixed-scripts')!;
    const turn = transcript.turns.at(-1)!;
    const reader = new SiteIndexReader(builtSource(index));
    const { hits } = await searchIndex(reader, parseQuery(turn.zh.text)!, {});
    expect(hits[0]).toMatchObject({ slug, turn: turn.number, language: 'zh', text: turn.zh.text });
  });
});
