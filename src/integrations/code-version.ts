/**
 * A digest of the site's own code: every file under `src/`, and the
 * lock file that pins its libraries. Astro's
 * incremental build copies a page from the last build when the page's
 * key and its server-side modules are unchanged, but a page also carries
 * what the browser build made of its scripts: an inlined script, and in
 * it the hashed name of a chunk it loads. Edit that chunk's source and the
 * copy would still point at a file the build no longer writes. So every
 * page's key holds this digest (src/collection/transcripts.ts): a change
 * of code renders every page again, an edit of a transcript only its own.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file, or every file under a folder, as paths relative to `root` written with `/`. */
function filesUnder(root: string, name: string): string[] {
  const at = path.join(root, name);
  if (!statSync(at).isDirectory()) return [name];
  return readdirSync(at, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'));
}

/** A digest of files and folders under `root`: every file's path and contents, in order of path. */
export function digestOf(root: string, names: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of names.flatMap((name) => filesUnder(root, name)).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export function codeVersion(root: string): string {
  return digestOf(root, ['src', 'package-lock.json']);
}
