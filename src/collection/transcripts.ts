/** Queries of the transcripts collection, shared by the pages. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { newestFirst } from '../lib/order.ts';
import type { Transcript, Turn } from '../lib/transcript/schema.ts';

export type TranscriptEntry = CollectionEntry<'transcripts'>;

let sorted: Promise<readonly TranscriptEntry[]> | undefined;

/**
 * Every transcript, newest first; undated ones last; the same date by title
 * (see lib/order.ts). Sorted once per build and shared, so do not change
 * the list: every page asks for it (the search field's speakers), and
 * sorting thousands for each of thousands of pages made rendering grow with
 * the square of the site. In `astro dev` the collection changes while the
 * server runs, so it is read afresh each time.
 */
export function getTranscripts(): Promise<readonly TranscriptEntry[]> {
  const read = async () => (await getCollection('transcripts')).sort(newestFirst);
  if (import.meta.env.DEV) return read();
  sorted ??= read();
  return sorted;
}

/**
 * The whole transcript of an entry, its turns read from the file the loader
 * wrote them to (src/collection/schema.ts says why they are not in the
 * entry): one read per page that shows them, nothing kept.
 */
export async function loadTranscript(entry: TranscriptEntry): Promise<Transcript> {
  const { speakerKeys, turnCount, timed, turnsFile, ...listed } = entry.data;
  let text: string;
  try {
    text = await readFile(turnsFile, 'utf8');
  } catch (error) {
    throw new Error(
      `The turns of ${entry.id} are missing from Astro's cache folder (${turnsFile}: ${(error as Error).message}): build again; the loader writes them when it finds them gone.`,
    );
  }
  return { ...listed, turns: JSON.parse(text) as Turn[] };
}

/**
 * What a transcript's own pages are made from, for Astro's incremental build
 * (`experimental.incrementalBuild`), which copies a page from the last build
 * when its key and its code are unchanged: the name of its turn file, which
 * changes with the file's text and with the parser (see the loader), and
 * the version of the site's code, which Astro's own check does not see
 * whole (src/integrations/code-version.ts).
 */
export function transcriptKey(entry: TranscriptEntry): string {
  return `${path.basename(entry.data.turnsFile)} ${import.meta.env.DUET_CODE_VERSION}`;
}

/**
 * A reader page's key: its transcript, and what it shows of others:
 * whether the site has others, so whether its search can widen to them.
 * A reader page that comes to show more of the site must say so here.
 */
export function readerPageKey(entry: TranscriptEntry, others: boolean): string {
  return JSON.stringify([transcriptKey(entry), others]);
}

/**
 * A JSON file per transcript made from the whole transcript (its search
 * record, its pinyin, its Traditional text): a route's `getStaticPaths` and
 * `GET` in one, each path keyed by its transcript for the incremental build.
 */
export function filePerTranscript<T>(make: (slug: string, transcript: Transcript) => T): {
  getStaticPaths: () => Promise<
    { params: { slug: string }; props: { entry: TranscriptEntry }; cacheKey: string }[]
  >;
  GET: (context: { props: { entry: TranscriptEntry } }) => Promise<Response>;
} {
  return {
    getStaticPaths: async () =>
      (await getTranscripts()).map((entry) => ({
        params: { slug: entry.id },
        props: { entry },
        cacheKey: transcriptKey(entry),
      })),
    GET: async ({ props }) =>
      Response.json(make(props.entry.id, await loadTranscript(props.entry))),
  };
}
