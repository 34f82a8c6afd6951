/** Queries of the transcripts collection, shared by the pages. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type TranscriptEntry = CollectionEntry<'transcripts'>;

/** Newest first; undated transcripts last, by title. */
export async function getTranscripts(): Promise<TranscriptEntry[]> {
  const entries = await getCollection('transcripts');
  return entries.sort(
    (a, b) =>
      (b.data.date ?? '').localeCompare(a.data.date ?? '') ||
      a.data.title.localeCompare(b.data.title),
  );
}

export function formatDate(date: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
