/**
 * Runs a command and watches the memory of its whole process tree (a build
 * and every process it starts: esbuild's service, an indexer's binary), by
 * reading /proc a few times a second: GNU time's maximum RSS is that of one
 * process, not of a tree. Past `limitBytes` the tree is killed, so that a
 * run too big for the machine ends with a message instead of taking the
 * machine's memory. Linux only, as /proc is.
 *
 * The sum of the resident sets counts a page shared by two processes twice:
 * it can only overstate the tree's memory, which is the safe side of a
 * budget.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
const POLL_MS = 200;

export interface WatchOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Past this many bytes for the whole tree, every process of it is killed. */
  limitBytes?: number;
  /** Also sum the processes whose command name starts with this one (Pagefind's binary, say). */
  binary?: string;
}

/** The tree's memory at one moment, `ms` after the command started. */
export interface Sample {
  ms: number;
  bytes: number;
}

export interface TreeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Highest sum of the resident memory of every process in the tree at one moment. */
  peakTreeBytes: number;
  /** Highest resident memory of the processes named `binary`, summed at one moment; 0 without one. */
  peakBinaryBytes: number;
  /** Every reading of the tree, in order, for the peak of a part of the run. */
  samples: Sample[];
  seconds: number;
  /** The tree went past the limit and was killed. */
  killed: boolean;
}

interface Proc {
  pid: number;
  ppid: number;
  name: string;
  rss: number;
}

function processes(): Proc[] {
  const found: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: read past its closing one.
      const close = stat.lastIndexOf(')');
      const command = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const rssPages = Number(fields[21]);
      found.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        name: command,
        rss: rssPages * PAGE_BYTES,
      });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

function treeOf(root: number, all: readonly Proc[]): Proc[] {
  const children = new Map<number, Proc[]>();
  for (const proc of all) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc]);
  const tree: Proc[] = [];
  const queue = all.filter((proc) => proc.pid === root);
  while (queue.length > 0) {
    const proc = queue.shift()!;
    tree.push(proc);
    queue.push(...(children.get(proc.pid) ?? []));
  }
  return tree;
}

/** The highest reading from `fromMs` to `toMs` after the start, or undefined if none was taken. */
export function peakBetween(
  samples: readonly Sample[],
  fromMs: number,
  toMs: number,
): number | undefined {
  const within = samples.filter((sample) => sample.ms >= fromMs && sample.ms <= toMs);
  return within.length > 0 ? Math.max(...within.map((sample) => sample.bytes)) : undefined;
}

export function runWatched(
  command: string,
  args: readonly string[],
  { cwd, env, limitBytes = Infinity, binary }: WatchOptions = {},
): Promise<TreeRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const samples: Sample[] = [];
  let peakTreeBytes = 0;
  let peakBinaryBytes = 0;
  let killed = false;
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    const tree = treeOf(child.pid, processes());
    const total = tree.reduce((sum, proc) => sum + proc.rss, 0);
    samples.push({ ms: performance.now() - started, bytes: total });
    peakTreeBytes = Math.max(peakTreeBytes, total);
    if (binary) {
      const binaryBytes = tree
        .filter((proc) => proc.name.startsWith(binary.slice(0, 15)))
        .reduce((sum, proc) => sum + proc.rss, 0);
      peakBinaryBytes = Math.max(peakBinaryBytes, binaryBytes);
    }
    if (total > limitBytes && !killed) {
      killed = true;
      // Children first, by their own ids: the tree is this run's, nothing else is touched.
      for (const proc of tree.reverse()) {
        try {
          process.kill(proc.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  }, POLL_MS);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({
        code,
        stdout,
        stderr,
        peakTreeBytes,
        peakBinaryBytes,
        samples,
        seconds: (performance.now() - started) / 1000,
        killed,
      });
    });
  });
}
