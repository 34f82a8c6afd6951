/**
 * One production build of the site from a folder of transcripts, timed
 * from outside, with the memory of its whole process tree read from /proc
 * (process-tree.ts) and its wall time cut into phases. The build runs with
 * a config that wraps the project's own: a private cache folder, so a cold
 * build starts from nothing and the shared content cache in node_modules is
 * left alone for the people building beside us, and the phase clock
 * (phase-clock.ts) first among the integrations.
 */
import { execFileSync } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { peakBetween, runWatched, type Sample } from './process-tree.ts';
import type { ClockHook, ClockMark } from './phase-clock.ts';

const CONFIG_NAMES = ['astro.config.ts', 'astro.config.mjs', 'astro.config.js'];

export interface BuildOptions {
  /** The project: where astro.config and node_modules are. */
  root: string;
  /** The folder of transcripts (DUET_TRANSCRIPTS). */
  contentDir: string;
  outDir: string;
  /** A scratch folder for this build's config, cache and clock. */
  workDir: string;
  /** Keep the cache an earlier build left in `workDir`: a rebuild. Otherwise the build starts cold. */
  warm?: boolean;
  /** Past this many bytes the build's process tree is killed and the build fails. */
  limitBytes?: number;
  /** Integrations of the project's config to leave out, by name (to study Astro alone, say). */
  without?: readonly string[];
}

/** A part of the build: how long it took and the most memory the tree held meanwhile. */
export interface Phase {
  name: PhaseName;
  seconds: number;
  /** Undefined when the phase was shorter than one reading of /proc. */
  peakBytes: number | undefined;
}

export type PhaseName = 'start' | 'content' | 'bundle' | 'pages' | 'after';

/** What each phase holds, for the README and the tables. */
export const PHASES: Record<PhaseName, string> = {
  start: 'Node and Astro starting, the config loaded',
  content: "the integrations' setup, Vite, and the content layer's sync (the transcript loader)",
  bundle: 'Vite bundling the pages for rendering, and the scripts and styles for the browser',
  pages: 'rendering every page and writing it',
  after: "the site's integrations once the pages are written (the search index), and Astro's exit",
};

export interface BuildResult {
  /** Wall time of the whole `astro build`, from outside. */
  totalSeconds: number;
  /** Highest resident memory of the build's whole process tree at one moment. */
  peakBytes: number;
  /** Wall time and peak memory per phase, in order; empty if the build stopped before its hooks. */
  phases: Phase[];
  /** The content layer's sync, as Astro's own timer measured it (part of `content`). */
  syncSeconds: number | undefined;
  /** Whether the build kept an earlier build's cache. */
  warm: boolean;
}

export async function buildSite({
  root,
  contentDir,
  outDir,
  workDir,
  warm = false,
  limitBytes = Infinity,
  without = [],
}: BuildOptions): Promise<BuildResult> {
  const projectConfig = CONFIG_NAMES.map((name) => path.join(root, name)).find(existsSync);
  if (!projectConfig) throw new Error(`no astro.config.{ts,mjs,js} in ${root}`);
  const config = path.join(workDir, 'astro.config.mjs');
  const cacheDir = path.join(workDir, 'cache');
  const clockFile = path.join(workDir, 'clock.jsonl');
  const timerFile = path.join(workDir, 'astro-timer.json');
  if (!warm) {
    await rm(cacheDir, { recursive: true, force: true });
    await dropPageCache();
  }
  // Marks and timings left by an earlier build in the same folder must not pass for this one's.
  await rm(clockFile, { force: true });
  await rm(timerFile, { force: true });
  const clock = path.join(import.meta.dirname, 'phase-clock.ts');
  await writeFile(
    config,
    [
      `import base from ${JSON.stringify(projectConfig)};`,
      `import { phaseClock } from ${JSON.stringify(clock)};`,
      `const left = new Set(${JSON.stringify(without)});`,
      'export default {',
      '  ...base,',
      `  cacheDir: ${JSON.stringify(cacheDir)},`,
      `  integrations: [phaseClock(${JSON.stringify(clockFile)}), ...(base.integrations ?? []).filter((integration) => !left.has(integration.name))],`,
      '};',
      '',
    ].join('\n'),
  );

  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  // Astro resolves --config against the root, so it must be relative.
  const args = [astro, 'build', '--config', path.relative(root, config), '--outDir', outDir];
  const startedAt = Date.now();
  const run = await runWatched(process.execPath, args, {
    cwd: root,
    limitBytes,
    env: {
      ...process.env,
      DUET_TRANSCRIPTS: contentDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      // Astro's own timer: how long the content sync and the page generation took.
      ASTRO_TIMER_PATH: timerFile,
    },
  });
  if (run.killed) {
    throw new Error(
      `astro build was stopped after ${run.seconds.toFixed(0)} s: its processes held more than ${(limitBytes / 1e9).toFixed(1)} GB (--limit-gb)`,
    );
  }
  const output = `${run.stdout}\n${run.stderr}`;
  // Astro's own log, for a look with --keep: it holds the integrations' timings.
  await writeFile(path.join(workDir, 'astro.log'), output);
  if (run.code !== 0) {
    throw new Error(
      `astro build failed (exit ${run.code}):\n${output.trim().split('\n').slice(-30).join('\n')}`,
    );
  }
  const marks = await readMarks(clockFile, startedAt);
  const timer = await readTimer(timerFile);
  return {
    totalSeconds: run.seconds,
    peakBytes: run.peakTreeBytes,
    phases: phasesOf(marks, timer, run.samples, run.seconds * 1000),
    syncSeconds: msToSeconds(timer['Sync content layer']),
    warm,
  };
}

const DROP_CACHES = '/proc/sys/vm/drop_caches';

let mayDrop: Promise<boolean> | undefined;

/**
 * Whether this run may empty the kernel's page cache (Linux, as root),
 * asked once: the head of the results says what every cold build does.
 */
export function canDropPageCache(): Promise<boolean> {
  mayDrop ??= access(DROP_CACHES, constants.W_OK).then(
    () => true,
    () => false,
  );
  return mayDrop;
}

/**
 * Empties the kernel's page, dentry and inode caches, where this run may,
 * so that every cold build starts from the same state whatever ran before
 * it. It matters on the machine the budgets were set on: the same work
 * (47,000 folders and a 1.3 KB file in 46,000 of them) took 3.6 s or 17.6 s
 * depending on what had run before (large trees written and deleted), and
 * 3.6 s again after this. Node and Astro then start from the disk: the
 * start phase took 1.4 to 1.9 s where it had taken 0.8 s.
 */
async function dropPageCache(): Promise<void> {
  if (!(await canDropPageCache())) return;
  execFileSync('sync');
  await writeFile(DROP_CACHES, '3\n');
}

const msToSeconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/** Each hook's first mark, in milliseconds after the build was started. */
async function readMarks(file: string, startedAt: number): Promise<Map<ClockHook, number>> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const marks = new Map<ClockHook, number>();
  for (const line of text.split('\n').filter(Boolean)) {
    const { hook, at } = JSON.parse(line) as ClockMark;
    if (!marks.has(hook)) marks.set(hook, at - startedAt);
  }
  return marks;
}

/** Astro's timer (ASTRO_TIMER_PATH): each scope's elapsed milliseconds; empty if it wrote none. */
async function readTimer(file: string): Promise<Record<string, number>> {
  const text = await readFile(file, 'utf8').catch(() => '{}');
  const stats = JSON.parse(text) as Record<string, { elapsedTime?: number }>;
  return Object.fromEntries(
    Object.entries(stats).flatMap(([name, stat]) =>
      typeof stat.elapsedTime === 'number' ? [[name, stat.elapsedTime]] : [],
    ),
  );
}

/**
 * The phases from the hooks' marks. Rendering has no hook of its own: it
 * ends at `astro:build:generated` and lasted what Astro's timer calls
 * "Static generate", so it starts that long before.
 */
function phasesOf(
  marks: Map<ClockHook, number>,
  timer: Record<string, number>,
  samples: readonly Sample[],
  endMs: number,
): Phase[] {
  const setup = marks.get('astro:config:setup');
  const start = marks.get('astro:build:start');
  const generated = marks.get('astro:build:generated');
  const done = marks.get('astro:build:done');
  const generate = timer['Static generate'];
  if ([setup, start, generated, done, generate].includes(undefined)) return [];
  const pagesFrom = generated! - generate!;
  const bounds: [PhaseName, number, number][] = [
    ['start', 0, setup!],
    ['content', setup!, start!],
    ['bundle', start!, pagesFrom],
    ['pages', pagesFrom, done!],
    ['after', done!, endMs],
  ];
  return bounds.map(([name, from, to]) => ({
    name,
    seconds: (to - from) / 1000,
    peakBytes: peakBetween(samples, from, to),
  }));
}
