/**
 * Transcript folders made at test time in a temporary directory, from a
 * description of their files (./folder-entries.ts). Each folder is removed
 * when the test that made it ends.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { writeEntries, type Entry } from './folder-entries.ts';

export interface TempTranscripts {
  /** The folder relative to the working directory, with forward slashes: as messages name its files. */
  folder: string;
  /** The folder's absolute path, links resolved (macOS's temporary folder is behind one). */
  absolute: string;
}

export function tempTranscripts(entries: Record<string, Entry>): TempTranscripts {
  const absolute = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'duet-transcripts-')));
  onTestFinished(() => rmSync(absolute, { recursive: true, force: true }));
  writeEntries(absolute, entries);
  return { absolute, folder: path.relative(process.cwd(), absolute).split(path.sep).join('/') };
}
