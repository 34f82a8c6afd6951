/**
 * A transcript's glossary terms for its reader page's search, fetched with
 * the search's first query, and for its marks' tooltips, fetched when the
 * first shows: a few hundred bytes.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  getTranscripts,
  transcriptKey,
  type TranscriptEntry,
} from '../../../collection/transcripts.ts';
import { termRecords } from '../../../lib/glossary-index.ts';

export const getStaticPaths = (async () =>
  (await getTranscripts())
    .filter((entry) => entry.data.glossary.length > 0)
    .map((entry) => ({
      params: { slug: entry.id },
      props: { entry },
      cacheKey: transcriptKey(entry),
    }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: TranscriptEntry }> = ({ props }) =>
  Response.json(termRecords(props.entry.data.glossary));
