/**
 * Runs a command and watches the memory of its whole process tree (the
 * indexer and the Pagefind binary it spawns), by reading /proc a few times
 * a second: GNU time's maximum RSS is that of one process, not of a tree.
 * Past `limitBytes` the tree is killed, so that a design too big for the
 * machine ends with a message instead of taking the machine's memory.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
const POLL_MS = 200;

export interface TreeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Highest sum of the resident memory of every process in the tree at one moment. */
  peakTreeBytes: number;
  /** Highest resident memory of the processes named `binary` (Pagefind's), summed at one moment. */
  peakBinaryBytes: number;
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

export function runWatched(
  command: string,
  args: readonly string[],
  { limitBytes, binary }: { limitBytes: number; binary: string },
): Promise<TreeRun> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakTreeBytes = 0;
  let peakBinaryBytes = 0;
  let killed = false;
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    const tree = treeOf(child.pid, processes());
    const total = tree.reduce((sum, proc) => sum + proc.rss, 0);
    const binaryBytes = tree
      .filter((proc) => proc.name.startsWith(binary.slice(0, 15)))
      .reduce((sum, proc) => sum + proc.rss, 0);
    peakTreeBytes = Math.max(peakTreeBytes, total);
    peakBinaryBytes = Math.max(peakBinaryBytes, binaryBytes);
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
        seconds: (performance.now() - started) / 1000,
        killed,
      });
    });
  });
}
