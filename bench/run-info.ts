/**
 * When, where and how a run was made, for the head of a results file: the
 * seconds in it mean little without the machine and how busy it was.
 */
import os from 'node:os';
import path from 'node:path';
import { canDropPageCache } from './build.ts';

export interface Machine {
  /** `os.cpus()`: how many, and the first one's model. */
  cpus: number;
  cpuModel: string;
  /** `os.type()`, `os.release()` and `os.arch()`. */
  os: string;
  /** `os.loadavg()` when the run started: 1, 5 and 15 minutes. */
  loadAverage: number[];
}

export interface RunInfo {
  date: string;
  /** How the run was started, flags included. */
  command: string;
  node: string;
  machine: Machine;
  /** Whether the kernel's page cache is emptied before each cold build (bench/build.ts). */
  pageCacheDropped: boolean;
}

/** Call at the start of a run: the load average is the one before the run adds its own. */
export async function runInfo(): Promise<RunInfo> {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    command: commandLine(),
    node: process.version,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverage: os.loadavg(),
    },
    pageCacheDropped: await canDropPageCache(),
  };
}

/** The run as a Markdown list, for the head of a results file. */
export function runInfoLines(info: RunInfo): string[] {
  const { machine } = info;
  const load = machine.loadAverage.map((value) => value.toFixed(2)).join(' / ');
  return [
    `- Date: ${info.date}`,
    `- Command: \`${info.command}\``,
    `- Node: ${info.node}`,
    `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.os}; load average ${load} (1 / 5 / 15 min) at the start`,
    info.pageCacheDropped
      ? '- Page cache: emptied before each cold build (`sync`, then `3` into /proc/sys/vm/drop_caches)'
      : '- Page cache: not emptied (that needs root): each cold build starts in whatever state the runs before it left',
  ];
}

/** The command as typed: `npm run <script> -- <flags>` when npm started it. */
function commandLine(): string {
  const args = process.argv.slice(2);
  const script = process.env.npm_lifecycle_event;
  if (script) return ['npm run', script, ...(args.length > 0 ? ['--', ...args] : [])].join(' ');
  const file = path.relative(process.cwd(), process.argv[1] ?? '');
  return ['node', file, ...args].join(' ');
}
