/**
 * Files an integration writes into the built site itself (the share pages,
 * the search index), kept from one build to the next and written again only
 * where their text changed.
 *
 * Astro empties the output folder before every build. At 500 transcripts
 * that deleted the search index's 56,000 files only for the build to write
 * them again, nearly all the same, and writing them right after deleting
 * them was the slowest part of a rebuild by far (measured: `npm run
 * bench:builds`, the `after` phase). So the output is kept between builds
 * (`keptOutput`), and once its pages are written, `removeStale` deletes
 * what the build did not write again, but the kept files; then `KeptFiles`
 * writes each kept file whose text changed and deletes those no longer
 * written. What it kept is listed in Astro's cache folder, for the output
 * folder it was written to: with no list, or another folder, nothing is
 * kept and everything is written.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

interface Listing {
  /** The output folder the files were written to. */
  outDir: string;
  /** Path under the output folder, with `/` -> digest of the text written there. */
  files: Record<string, string>;
  /** Files written from one source (a transcript), by the source's name: see `KeptFiles.keep`. */
  groups?: Record<string, Group>;
}

interface Group {
  /** The digest of what the files were made from. */
  source: string;
  files: string[];
}

function listingFile(cacheDir: string, name: string): string {
  return path.join(cacheDir, `kept-${name}.json`);
}

/** The last complete build's list of what it kept in `outDir`, or undefined when that is not known. */
function readListing(cacheDir: string, name: string, outDir: string): Listing | undefined {
  try {
    const listing = JSON.parse(readFileSync(listingFile(cacheDir, name), 'utf8')) as Listing;
    if (listing.outDir === outDir) return listing;
  } catch {
    // No list, or one that cannot be read: nothing is known to be kept.
  }
  return undefined;
}

/** What the last complete build kept in `outDir`, by path; empty when that is not known. */
export function readKept(cacheDir: string, name: string, outDir: string): Map<string, string> {
  return new Map(Object.entries(readListing(cacheDir, name, outDir)?.files ?? {}));
}

/** What the last complete build kept in `outDir`, for every integration that keeps files there. */
export function readAllKept(cacheDir: string, outDir: string): Set<string> {
  const names = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
  const kept = new Set<string>();
  for (const name of names) {
    const match = /^kept-(.+)\.json$/.exec(name);
    if (match) for (const file of readKept(cacheDir, match[1]!, outDir).keys()) kept.add(file);
  }
  return kept;
}

/**
 * A file's modification time may lag the clock by a tick of the kernel's
 * coarse clock (4 ms here), so a file the build wrote just after it began
 * could seem older than the build: what is older by more than this is
 * the last build's. A build takes seconds before it writes its first page.
 */
const CLOCK_SLACK_MS = 1000;

/**
 * Deletes every file in `outDir` the build that began at `since` (ms since
 * the epoch) did not write, but the `kept` paths (and `.git`, as Astro
 * spares it), and the folders left empty.
 */
export function removeStale(outDir: string, kept: ReadonlySet<string>, since: number): void {
  if (!existsSync(outDir)) return;
  const before = since - CLOCK_SLACK_MS;
  const clear = (folder: string): boolean => {
    let left = 0;
    for (const entry of readdirSync(path.join(outDir, folder), { withFileTypes: true })) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      const absolute = path.join(outDir, relative);
      if (relative === '.git' || kept.has(relative)) {
        left++;
      } else if (entry.isDirectory()) {
        if (clear(relative)) rmdirSync(absolute);
        else left++;
      } else if (statSync(absolute).mtimeMs < before) {
        rmSync(absolute, { force: true });
      } else {
        left++;
      }
    }
    return left === 0;
  };
  clear('');
}

/** Names the output folder whose pages are the last complete build's with this cache folder. */
function outputMark(cacheDir: string): string {
  return path.join(cacheDir, 'output-folder.txt');
}

/** Whether `outDir` holds the pages of the last complete build with `cacheDir`. */
function holdsLastBuild(cacheDir: string, outDir: string): boolean {
  try {
    return readFileSync(outputMark(cacheDir), 'utf8') === outDir;
  } catch {
    return false;
  }
}

/**
 * The integration that keeps the built site between builds for `KeptFiles`,
 * and Astro's pages with it. Emptying the output at the start deleted every
 * page the incremental build then copied back from its cache, six files per
 * transcript, the one part of a rebuild done for every transcript that
 * it need not be (README.md, "Reading").
 *
 * So the output is emptied only when it is not the last complete build's
 * with this cache folder (a build that stopped, or one into another
 * folder): Astro leaves in place a page it skips and finds there, and
 * another build's page would stay with it. Otherwise, once the pages are
 * written, `removeStale` deletes what the build neither wrote nor left in
 * place and no integration keeps: a deleted transcript's pages, Vite's old
 * bundles. First among the integrations, so those after it read nothing
 * stale (a deleted transcript's search record).
 */
export function keptOutput(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let since = 0;
  return {
    name: 'duet-kept-output',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const kept = holdsLastBuild(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir));
        if (kept) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        since = Date.now();
        // Until this build is complete, its output holds no build's pages whole.
        rmSync(outputMark(cacheDir), { force: true });
      },
      'astro:build:done': ({ assets }) => {
        const kept = readAllKept(cacheDir, outDir);
        // Every page the build made, the ones Astro skipped and left as they were included.
        for (const urls of assets.values()) {
          for (const url of urls)
            kept.add(path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/'));
        }
        removeStale(outDir, kept, since);
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(outputMark(cacheDir), outDir);
      },
    },
  };
}

/** The files one integration keeps in the output folder, for one build. */
export class KeptFiles {
  readonly #outDir: string;
  readonly #listing: string;
  readonly #previous: Map<string, string>;
  readonly #previousGroups: Record<string, Group>;
  readonly #written = new Map<string, string>();
  readonly #groups: Record<string, Group> = {};
  readonly #folders = new Set<string>();
  /** Files whose text changed, or that were new, in this build. */
  changed = 0;

  constructor(cacheDir: string, name: string, outDir: string) {
    this.#outDir = outDir;
    this.#listing = listingFile(cacheDir, name);
    const listing = readListing(cacheDir, name, outDir);
    this.#previous = new Map(Object.entries(listing?.files ?? {}));
    this.#previousGroups = listing?.groups ?? {};
    // Until this build's list is written, the files are not known to match any list.
    rmSync(this.#listing, { force: true });
  }

  /**
   * Keeps, as they are, the files the last build wrote from the source
   * named `group` when what they were made from (its digest, `source`) is
   * the same and every one of them is still there, so they are neither made
   * nor compared again; returns whether it did. When it did not, the files
   * are to be written again, each with `write(file, text, group)`.
   */
  keep(group: string, source: string): boolean {
    this.#groups[group] = { source, files: [] };
    const before = this.#previousGroups[group];
    if (before?.source !== source) return false;
    const digests = before.files.map((file) => this.#previous.get(file));
    if (digests.includes(undefined)) return false;
    if (!before.files.every((file) => existsSync(path.join(this.#outDir, file)))) return false;
    before.files.forEach((file, index) => this.#written.set(file, digests[index]!));
    this.#groups[group].files = before.files;
    return true;
  }

  /** Whether the last build wrote `file` (a path under the output folder, with `/`). */
  has(file: string): boolean {
    return this.#previous.has(file);
  }

  /**
   * Keeps `files` as the last build wrote them, neither made nor compared
   * again; returns false, keeping none, when one of them is not there.
   */
  keepAsIs(files: readonly string[]): boolean {
    const there = (file: string) =>
      this.#previous.has(file) && existsSync(path.join(this.#outDir, file));
    if (!files.every(there)) return false;
    for (const file of files) this.#written.set(file, this.#previous.get(file)!);
    return true;
  }

  /**
   * Writes `data` at `file` (a path under the output folder, with `/`), unless
   * it is there already; as one of the files of `group` (see `keep`), if given.
   */
  write(file: string, data: string | Uint8Array, group?: string): void {
    const digest = createHash('sha1').update(data).digest('base64');
    this.#written.set(file, digest);
    if (group !== undefined) this.#groups[group]?.files.push(file);
    const target = path.join(this.#outDir, file);
    if (this.#previous.get(file) === digest && existsSync(target)) return;
    const folder = path.dirname(target);
    if (!this.#folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
    }
    writeFileSync(target, data);
    this.changed++;
  }

  /**
   * Deletes the files the last build kept and this one did not write (and
   * the folders they leave empty), then lists this build's.
   */
  finish(): void {
    for (const file of this.#previous.keys()) {
      if (this.#written.has(file)) continue;
      rmSync(path.join(this.#outDir, file), { force: true });
      // Its folder goes with it once empty (a share page's `turn-N/`), and so on up.
      for (let folder = path.posix.dirname(file); folder !== '.';) {
        try {
          rmdirSync(path.join(this.#outDir, folder));
        } catch {
          break;
        }
        folder = path.posix.dirname(folder);
      }
    }
    const listing: Listing = {
      outDir: this.#outDir,
      files: Object.fromEntries(this.#written),
      groups: this.#groups,
    };
    mkdirSync(path.dirname(this.#listing), { recursive: true });
    writeFileSync(this.#listing, JSON.stringify(listing));
  }
}

/**
 * How this build's transcripts differ from the last build's, by the keys
 * of what was kept of each (a digest of its source): the indexes of this
 * build's keys the last build did not have, and the last build's keys
 * this one does not have, each with how many times it went (two
 * transcripts may have the same source).
 */
export function changedKeys(
  last: readonly string[],
  keys: readonly string[],
): { added: number[]; gone: [key: string, count: number][] } {
  const left = new Map<string, number>();
  for (const key of last) left.set(key, (left.get(key) ?? 0) + 1);
  const added: number[] = [];
  for (const [index, key] of keys.entries()) {
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else added.push(index);
  }
  return { added, gone: [...left].filter(([, count]) => count > 0) };
}

/**
 * The last complete build's state kept in `file` (JSON), or undefined where
 * there is none or it cannot be read; the file is removed either way, so
 * that until this build completes and writes its own, no state claims to
 * match what is in the cache.
 */
export function takeLastState<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // No last build, or an unreadable file: the caller does the work whole.
    return undefined;
  } finally {
    rmSync(file, { force: true });
  }
}
