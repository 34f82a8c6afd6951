/**
 * One production build of the site from a folder of transcripts, into a
 * folder of its own, timed from outside. The build runs with a config
 * that wraps the project's own with a private cache folder, so every
 * size starts cold and the shared content cache in node_modules is left
 * alone for the people building beside us.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { SEARCH_INDEX_REPORT, type SearchIndexReport } from '../src/lib/search/bundle.ts';

const CONFIG_NAMES = ['astro.config.ts', 'astro.config.mjs', 'astro.config.js'];

export interface BuildOptions {
  /** The project: where astro.config and node_modules are. */
  root: string;
  /** The folder of transcripts (DUET_TRANSCRIPTS). */
  contentDir: string;
  outDir: string;
  /** A scratch folder for this build's config and cache. */
  workDir: string;
}

export interface BuildResult {
  /** Wall time of the whole `astro build`, Pagefind included. */
  totalSeconds: number;
  /** Wall time minus the search index's own time. */
  astroSeconds: number;
  /** The whole indexing step, as the search integration timed it. */
  pagefindSeconds: number;
  /** Transcripts and records in the search index, as the search integration counted them. */
  searchTranscripts: number;
  searchRecords: number;
}

export async function buildSite({
  root,
  contentDir,
  outDir,
  workDir,
}: BuildOptions): Promise<BuildResult> {
  const projectConfig = CONFIG_NAMES.map((name) => path.join(root, name)).find(existsSync);
  if (!projectConfig) throw new Error(`no astro.config.{ts,mjs,js} in ${root}`);
  const config = path.join(workDir, 'astro.config.mjs');
  const cacheDir = path.join(workDir, 'cache');
  const timings = path.join(cacheDir, SEARCH_INDEX_REPORT);
  // Timings left by an earlier build in the same folder must not pass for this one's.
  await rm(timings, { force: true });
  await writeFile(
    config,
    `import base from ${JSON.stringify(projectConfig)};\n` +
      `export default { ...base, cacheDir: ${JSON.stringify(cacheDir)} };\n`,
  );

  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  // Astro resolves --config against the root, so it must be relative.
  const args = [astro, 'build', '--config', path.relative(root, config), '--outDir', outDir];
  const started = performance.now();
  const { code, output } = await run(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DUET_TRANSCRIPTS: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const totalSeconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    throw new Error(
      `astro build failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`,
    );
  }

  const search = await readSearchIndexReport(timings);
  return {
    totalSeconds,
    astroSeconds: totalSeconds - search.seconds,
    pagefindSeconds: search.seconds,
    searchTranscripts: search.transcripts,
    searchRecords: search.records,
  };
}

async function readSearchIndexReport(file: string): Promise<SearchIndexReport> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new Error(
      `the build wrote no search timings: ${file} is missing; the search integration (src/integrations/search-index.ts) writes it to the build's cacheDir`,
    );
  }
  const fields = ['transcripts', 'records', 'seconds'] as const;
  const isTimings = (value: unknown): value is SearchIndexReport =>
    typeof value === 'object' &&
    value !== null &&
    fields.every((field) => typeof (value as Record<string, unknown>)[field] === 'number');
  let timings: unknown;
  try {
    timings = JSON.parse(text);
  } catch {
    // Reported below with the file's text.
  }
  if (!isTimings(timings)) {
    throw new Error(
      `${file} should hold { "transcripts", "records", "seconds" }, each a number; it holds: ${text}`,
    );
  }
  return timings;
}

/** Total bytes and number of files below a folder. */
export async function folderSize(folder: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
