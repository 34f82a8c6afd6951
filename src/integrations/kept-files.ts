/**
 * Files an integration writes into the built site itself (the search
 * index), kept from one build to the next and written again only where
 * their text changed.
 *
 * Astro empties the output folder before every build. At 500 transcripts
 * that deleted the search index's 56,000 files only for the build to write
 * them again, nearly all the same, and writing them right after deleting
 * them was the slowest part of a rebuild by far (measured: `npm run
 * bench:builds`, the `after` phase). So the build is told not to empty the
 * folder (`emptyOutDir: false`), and `emptyOutputExcept` empties it at the
 * start of the build instead, of everything but the kept files; at the end,
 * `KeptFiles` writes each kept file whose text changed and deletes those no
 * longer written. What it kept is listed in Astro's cache folder, for the
 * output folder it was written to: with no list, or another folder, nothing
 * is kept and everything is written.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

interface Listing {
  /** The output folder the files were written to. */
  outDir: string;
  /** Path under the output folder, with `/` -> digest of the text written there. */
  files: Record<string, string>;
}

function listingFile(cacheDir: string, name: string): string {
  return path.join(cacheDir, `kept-${name}.json`);
}

/** What the last complete build kept in `outDir`, by path; empty when that is not known. */
export function readKept(cacheDir: string, name: string, outDir: string): Map<string, string> {
  try {
    const listing = JSON.parse(readFileSync(listingFile(cacheDir, name), 'utf8')) as Listing;
    if (listing.outDir === outDir) return new Map(Object.entries(listing.files));
  } catch {
    // No list, or one that cannot be read: nothing is known to be kept.
  }
  return new Map();
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
 * Deletes everything in `outDir` but the `kept` paths (and `.git`, as
 * Astro spares it), going into a folder only when something in it is kept.
 */
export function emptyOutputExcept(outDir: string, kept: ReadonlySet<string>): void {
  if (!existsSync(outDir)) return;
  const folders = new Set<string>();
  for (const file of kept) {
    for (
      let folder = path.posix.dirname(file);
      folder !== '.';
      folder = path.posix.dirname(folder)
    ) {
      folders.add(folder);
    }
  }
  const empty = (folder: string): boolean => {
    const absolute = path.join(outDir, folder);
    let left = 0;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (relative === '.git' || kept.has(relative)) {
        left++;
      } else if (entry.isDirectory() && folders.has(relative)) {
        if (empty(relative)) rmdirSync(path.join(outDir, relative));
        else left++;
      } else {
        rmSync(path.join(outDir, relative), { recursive: true, force: true });
      }
    }
    return left === 0;
  };
  empty('');
}

/** The files one integration keeps in the output folder, for one build. */
export class KeptFiles {
  readonly #outDir: string;
  readonly #listing: string;
  readonly #previous: Map<string, string>;
  readonly #written = new Map<string, string>();
  readonly #folders = new Set<string>();
  /** Files whose text changed, or that were new, in this build. */
  changed = 0;

  constructor(cacheDir: string, name: string, outDir: string) {
    this.#outDir = outDir;
    this.#listing = listingFile(cacheDir, name);
    this.#previous = readKept(cacheDir, name, outDir);
    // Until this build's list is written, the files are not known to match any list.
    rmSync(this.#listing, { force: true });
  }

  /** Writes `data` at `file` (a path under the output folder, with `/`), unless it is there already. */
  write(file: string, data: string | Uint8Array): void {
    const digest = createHash('sha1').update(data).digest('base64');
    this.#written.set(file, digest);
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

  /** Deletes the files the last build kept and this one did not write, then lists this build's. */
  finish(): void {
    for (const file of this.#previous.keys()) {
      if (!this.#written.has(file)) rmSync(path.join(this.#outDir, file), { force: true });
    }
    const listing: Listing = { outDir: this.#outDir, files: Object.fromEntries(this.#written) };
    mkdirSync(path.dirname(this.#listing), { recursive: true });
    writeFileSync(this.#listing, JSON.stringify(listing));
  }
}
