/**
 * One production build of the site from a folder of transcripts, into a
 * folder of its own, timed from outside. The build runs with a config
 * that wraps the project's own with a private cache folder, so every
 * size starts cold and the shared content cache in node_modules is left
 * alone for the people building beside us.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the search integration prints at the end of `astro build`. */
const SEARCH_INDEX_LINE = /search index: (\d+) records in (\d+) ms/;

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
  /** From the search integration's line; undefined before search exists. */
  pagefindSeconds: number | undefined;
  searchRecords: number | undefined;
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
  await writeFile(
    config,
    `import base from ${JSON.stringify(projectConfig)};\n` +
      `export default { ...base, cacheDir: ${JSON.stringify(path.join(workDir, 'cache'))} };\n`,
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

  const search = SEARCH_INDEX_LINE.exec(output);
  const pagefindSeconds = search ? Number(search[2]) / 1000 : undefined;
  return {
    totalSeconds,
    astroSeconds: totalSeconds - (pagefindSeconds ?? 0),
    pagefindSeconds,
    searchRecords: search ? Number(search[1]) : undefined,
  };
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
