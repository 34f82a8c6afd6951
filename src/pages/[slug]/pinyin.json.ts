/**
 * A transcript's pinyin (src/lib/reading-aids/format.ts), made from its
 * collection entry at build time; the reader page fetches it when the
 * reader asks for pinyin.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  getTranscripts,
  loadTranscript,
  transcriptKey,
  type TranscriptEntry,
} from '../../collection/transcripts.ts';
import { pinyinFileOf } from '../../lib/reading-aids/pinyin.ts';

export const getStaticPaths = (async () =>
  (await getTranscripts()).map((entry) => ({
    params: { slug: entry.id },
    props: { entry },
    cacheKey: transcriptKey(entry),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: TranscriptEntry }> = async ({ props }) =>
  Response.json(pinyinFileOf(await loadTranscript(props.entry)));
