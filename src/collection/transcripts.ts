/** Queries of the transcripts collection, shared by the pages. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { newestFirst } from '../lib/order.ts';

export type TranscriptEntry = CollectionEntry<'transcripts'>;

/** Newest first; undated transcripts last; the same date by title. */
export async function getTranscripts(): Promise<TranscriptEntry[]> {
  const entries = await getCollection('transcripts');
  return entries.sort(newestFirst);
}

export function formatDate(date: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
