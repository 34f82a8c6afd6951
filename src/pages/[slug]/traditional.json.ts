/**
 * A transcript's Chinese text in Traditional characters (src/lib/reading-aids/format.ts), made from its
 * collection entry at build time; the reader page fetches it when the
 * reader asks for Traditional characters.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  getTranscripts,
  loadTranscript,
  transcriptKey,
  type TranscriptEntry,
} from '../../collection/transcripts.ts';
import { traditionalFileOf } from '../../lib/reading-aids/traditional.ts';

export const getStaticPaths = (async () =>
  (await getTranscripts()).map((entry) => ({
    params: { slug: entry.id },
    props: { entry },
    cacheKey: transcriptKey(entry),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: TranscriptEntry }> = async ({ props }) =>
  Response.json(traditionalFileOf(await loadTranscript(props.entry)));
