/**
 * The search index inside a real `astro build`: made from the records the
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
import { readTranscripts } from '../../src/lib/transcript/files.ts';
import { buildSite, type IsolatedBuild } from '../support/astro-build.ts';
import { GOOD } from '../unit/helpers.ts';

const WORK = 'tests/.output/search-index';

describe('the search index of a build', () => {
  let build: IsolatedBuild;
  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    build = buildSite(GOOD, WORK);
  });

  it('is written for every turn in both languages, and its input records are removed', async () => {
    expect(build.status, build.output).toBe(0);
    const { transcripts } = await readTranscripts(GOOD, process.cwd());
    const turns = transcripts.reduce((sum, { transcript }) => sum + transcript.turns.length, 0);

    const report = JSON.parse(
      readFileSync(path.join(build.cacheDir, SEARCH_INDEX_REPORT), 'utf8'),
    ) as SearchIndexReport;
    expect(report).toMatchObject({ transcripts: transcripts.length, records: turns * 2 });
    expect(report.seconds).toBeGreaterThan(0);

    const bundle = readdirSync(path.join(build.outDir, SEARCH_BUNDLE));
    expect(bundle).toContain('pagefind.js');
    expect(bundle.some((name) => name.endsWith('.pf_meta'))).toBe(true);
    expect(bundle.filter((name) => name.startsWith('pagefind-ui'))).toEqual([]);
    expect(existsSync(path.join(build.outDir, SEARCH_RECORDS))).toBe(false);
  });
});
