/**
 * Each transcript's search record, made from its collection entry at build
 * time. The search integration indexes them once the site is written and
 * removes them: they are the index's input, not a page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  getTranscripts,
  loadTranscript,
  transcriptKey,
  type TranscriptEntry,
} from '../../collection/transcripts.ts';
import { searchRecordOf } from '../../lib/search/records.ts';

export const getStaticPaths = (async () =>
  (await getTranscripts()).map((entry) => ({
    params: { slug: entry.id },
    props: { entry },
    cacheKey: transcriptKey(entry),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: TranscriptEntry }> = async ({ props }) =>
  Response.json(searchRecordOf(props.entry.id, await loadTranscript(props.entry)));
