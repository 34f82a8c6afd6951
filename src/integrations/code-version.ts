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
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function codeVersion(root: string): string {
  const src = path.join(root, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(src, path.join(entry.parentPath, entry.name)))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(src, file)));
    hash.update('\0');
  }
  hash.update(readFileSync(path.join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}
