/**
 * `npm run bench:builds`: the builds of `npm run bench` alone, without a
 * browser: for each size, the synthetic transcripts, a cold build and, at
 * the rebuild's size, the rebuild after one edit; then the builds table.
 * For studying a build: --without leaves integrations of the project's
 * config out by name (the search index: `--without duet-search-index`), to
 * see Astro's own part.
 *
 *   npm run bench:builds -- [--sizes 500,2000,5000] [--without name,…] [--limit-gb 8] [--keep]
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readTranscripts } from '../src/lib/transcript/files.ts';
import { BUDGETS } from './budgets.ts';
import { buildSite } from './build.ts';
import { editOne, writeContent } from './generate.ts';
import type { SizeResult } from './results.ts';
import { filesTable, glossaryTable, measureSite } from './site-files.ts';
import { buildsTable, phasesNote } from './table.ts';
import { KB } from './units.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEED_SLUG = 'alignment-panel';
const log = (message: string) => console.error(`bench: ${message}`);

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '500,2000,5000' },
    without: { type: 'string', default: '' },
    'limit-gb': { type: 'string', default: '8' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const without = values.without.split(',').filter(Boolean);
const limitBytes = Number(values['limit-gb']) * KB ** 3;

try {
  const { transcripts } = await readTranscripts(path.join(ROOT, 'content/transcripts'), ROOT);
  const found = transcripts.find((file) => file.slug === SEED_SLUG);
  if (!found) throw new Error(`the seed ${SEED_SLUG}.md is missing from content/transcripts`);
  const seed = { file: path.join(ROOT, found.file), slug: SEED_SLUG, transcript: found.transcript };
  const work = await mkdtemp(path.join(os.tmpdir(), 'duet-builds-'));
  const rows: Pick<
    SizeResult,
    'transcripts' | 'turns' | 'build' | 'rebuild' | 'dist' | 'glossary'
  >[] = [];
  try {
    for (const count of sizes) {
      const contentDir = path.join(work, `content-${count}`);
      const outDir = path.join(work, `site-${count}`);
      const workDir = path.join(work, `build-${count}`);
      await mkdir(workDir, { recursive: true });
      const content = await writeContent(contentDir, seed, count);
      log(`N=${count}: astro build (${content.turns} turns)`);
      const options = { root: ROOT, contentDir, outDir, workDir, limitBytes, without };
      const build = await buildSite(options);
      const { dist, glossary } = await measureSite(outDir);
      let rebuild: SizeResult['rebuild'];
      if (BUDGETS.rebuild.some(({ at }) => at === count)) {
        const edited = await editOne(contentDir, content);
        log(`N=${count}: astro build again, ${edited} edited`);
        rebuild = { ...(await buildSite({ ...options, warm: true })), edited };
      }
      rows.push({
        transcripts: count,
        turns: content.turns,
        build,
        ...(rebuild && { rebuild }),
        dist,
        glossary,
      });
      if (!values.keep)
        await rm(path.join(work, `site-${count}`), { recursive: true, force: true });
    }
  } finally {
    if (values.keep) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  if (without.length > 0) console.log(`Left out: ${without.join(', ')}.\n`);
  console.log(
    [buildsTable(rows), phasesNote(), filesTable(rows), glossaryTable(rows)].join('\n\n'),
  );
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
