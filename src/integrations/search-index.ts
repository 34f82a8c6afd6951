/**
 * An Astro integration that builds the search index once the site is
 * written, so `npm run build` always ships a matching index in
 * `dist/pagefind/`. It indexes the records the build wrote from the
 * content collection (`src/pages/search_records/`), then removes them:
 * records made from the turns keep each result tied to its turn, and the
 * collection stays the one hand-off from the parser.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import {
  PAGEFIND_UI_FILES,
  SEARCH_BUNDLE,
  SEARCH_INDEX_REPORT,
  SEARCH_RECORDS,
  type SearchIndexReport,
} from '../lib/search/bundle.ts';
import type { SearchRecord } from '../lib/search/records.ts';

/** What the indexing needs of Pagefind's Node API; tests give it a stand-in. */
export type Indexer = Pick<typeof pagefind, 'createIndex' | 'close'>;

export function searchIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'duet-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeSearchIndex(fileURLToPath(dir), pagefind);
        if (cacheDir) {
          await writeFile(path.join(cacheDir, SEARCH_INDEX_REPORT), `${JSON.stringify(report)}\n`);
        }
        logger.info(
          `${report.records} records of ${report.transcripts} transcripts in ${report.seconds.toFixed(1)} s`,
        );
      },
    },
  };
}

/**
 * Indexes every record file under `<site>/search_records/` into
 * `<site>/pagefind/`, then removes the record files. A site without
 * transcripts has none, and gets an empty index, so its search field works.
 */
export async function writeSearchIndex(site: string, indexer: Indexer): Promise<SearchIndexReport> {
  const started = performance.now();
  const recordsDir = path.join(site, SEARCH_RECORDS);
  const files = (await readdir(recordsDir).catch(() => [])).filter((name) =>
    name.endsWith('.json'),
  );
  const output = path.join(site, SEARCH_BUNDLE);
  let records = 0;
  try {
    records = await indexRecordFiles(indexer, recordsDir, files.sort(), output);
  } finally {
    // The indexer is a process of its own: a failed build must not leave it running, and
    // the records are the index's input, never a part of the site, even of a failed build.
    await indexer.close();
    await rm(recordsDir, { recursive: true, force: true });
  }
  await Promise.all(PAGEFIND_UI_FILES.map((name) => rm(path.join(output, name), { force: true })));
  return { transcripts: files.length, records, seconds: (performance.now() - started) / 1000 };
}

async function indexRecordFiles(
  indexer: Indexer,
  recordsDir: string,
  files: readonly string[],
  output: string,
): Promise<number> {
  const created = await indexer.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
  let records = 0;
  for (const file of files) {
    const batch = JSON.parse(await readFile(path.join(recordsDir, file), 'utf8')) as SearchRecord[];
    // A transcript's records go to the indexer together, not one round trip each.
    const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    const failures = added.flatMap((response) => response.errors);
    if (failures.length > 0) {
      throw new Error(`Pagefind could not index ${file}: ${failures.join('; ')}`);
    }
    records += added.length;
  }
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) {
    throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  }
  return records;
}
