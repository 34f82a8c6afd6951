/**
 * An Astro integration that indexes every turn for search once the site is
 * built, so `npm run build` always ships a matching index in
 * `dist/pagefind/`. It indexes the transcripts the content loader parsed
 * (see src/content/parsed-transcripts.ts), not the pages: records made from
 * the turns keep each result tied to its turn.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { shelvedTranscripts } from '../content/parsed-transcripts.ts';
import { readTranscripts, type TranscriptFile } from '../lib/transcript/files.ts';
import { problemsError } from '../lib/transcript/content-error.ts';
import { SEARCH_BUNDLE } from '../lib/search/bundle.ts';
import { recordsOf } from '../lib/search/records.ts';

export interface SearchIndexOptions {
  /** The folder of transcript files, relative to the project root. */
  transcripts: string;
}

/** Pagefind's ready-made interfaces, which Duet does not use. */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

export function searchIndex({ transcripts }: SearchIndexOptions): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'duet-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const folder = path.resolve(root, transcripts);
        const shelved = shelvedTranscripts(folder);
        const files = shelved ?? (await readAgain(folder, root));
        const output = path.join(fileURLToPath(dir), SEARCH_BUNDLE);
        let records = 0;
        try {
          records = await writeIndex(files, output);
        } finally {
          // The indexer is a process of its own: a failed build must not leave it running.
          await pagefind.close();
        }
        await Promise.all(UNUSED.map((name) => rm(path.join(output, name), { force: true })));

        const ms = Math.round(performance.now() - started);
        // The benchmark reads this line to time indexing apart from the build.
        const source = shelved ? 'as the loader parsed them' : 'parsed again';
        logger.info(`search index: ${records} records in ${ms} ms (transcripts ${source})`);
      },
    },
  };
}

/** The transcripts, parsed here when the loader's are not at hand; a problem stops the build. */
async function readAgain(folder: string, root: string): Promise<readonly TranscriptFile[]> {
  const { transcripts, problems } = await readTranscripts(folder, root);
  if (problems.length > 0) throw problemsError(problems);
  return transcripts;
}

/** Indexes every turn of every transcript into a Pagefind bundle; returns the number of records. */
async function writeIndex(files: readonly TranscriptFile[], output: string): Promise<number> {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
  let records = 0;
  for (const { slug, transcript } of files) {
    // A transcript's records go to the indexer together, not one round trip each.
    const added = await Promise.all(
      recordsOf(slug, transcript).map((record) => index.addCustomRecord(record)),
    );
    const failures = added.flatMap((response) => response.errors);
    if (failures.length > 0)
      throw new Error(`Pagefind could not index ${slug}: ${failures.join('; ')}`);
    records += added.length;
  }
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  return records;
}
