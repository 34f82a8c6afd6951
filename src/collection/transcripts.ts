/** Queries of the transcripts collection, shared by the pages. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { newestFirst } from '../lib/order.ts';

export type TranscriptEntry = CollectionEntry<'transcripts'>;

/** Every transcript, newest first; undated ones last; the same date by title (see lib/order.ts). */
export async function getTranscripts(): Promise<TranscriptEntry[]> {
  const entries = await getCollection('transcripts');
  return entries.sort(newestFirst);
}
