/**
 * Hands the transcripts the content loader has parsed to the search index
 * built at the end of the same `astro build`, so they are not parsed twice
 * (at 500 transcripts, half a minute). Astro loads the content config and
 * the integrations as separate module graphs, so a module variable would
 * not be shared: the hand-over goes through one well-known global. Where
 * it is empty (another process, a future Astro), the index parses the
 * files itself.
 */
import type { TranscriptFile } from '../lib/transcript/files.ts';

const KEY = Symbol.for('duet.parsed-transcripts');

type Shelf = typeof globalThis & { [KEY]?: Map<string, readonly TranscriptFile[]> };

/** Keeps what the loader parsed from `folder` (an absolute path) for this process. */
export function shelveTranscripts(folder: string, transcripts: readonly TranscriptFile[]): void {
  const shelf = globalThis as Shelf;
  (shelf[KEY] ??= new Map()).set(folder, transcripts);
}

/** What the loader parsed from `folder` in this process, if anything. */
export function shelvedTranscripts(folder: string): readonly TranscriptFile[] | undefined {
  return (globalThis as Shelf)[KEY]?.get(folder);
}
