/**
 * A folder's files written from a description: for what a repository
 * cannot hold (names that differ only in case, symbolic links, named pipes)
 * or should not (files of megabytes). Used by the tests' temporary folders
 * (./temp-transcripts.ts) and by the bench, so it imports nothing of vitest.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Entry =
  /** A file holding this text, written as UTF-8. */
  | string
  /** A file holding these bytes. */
  | Uint8Array
  /** A symbolic link to this target, written as given (relative to the link's folder, or absolute). */
  | { link: string }
  /** A folder holding these entries. */
  | { folder: Record<string, Entry> }
  /** A named pipe: opened for reading, it waits for a writer that never comes. */
  | { pipe: true };

export function writeEntries(folder: string, entries: Record<string, Entry>): void {
  for (const [name, entry] of Object.entries(entries)) {
    const target = path.join(folder, name);
    if (typeof entry === 'string' || entry instanceof Uint8Array) writeFileSync(target, entry);
    else if ('link' in entry) symlinkSync(entry.link, target);
    else if ('folder' in entry) {
      mkdirSync(target);
      writeEntries(target, entry.folder);
    } else execFileSync('mkfifo', [target]);
  }
  // On a case-insensitive disk (macOS, Windows), `A.md` overwrites `a.md`: say so, not a wrong result.
  const written = new Set(readdirSync(folder));
  const lost = Object.keys(entries).filter((name) => !written.has(name));
  if (lost.length > 0) {
    throw new Error(
      `${lost.join(', ')} could not be written beside the other files: this test needs a case-sensitive file system, as Linux and CI have`,
    );
  }
}
