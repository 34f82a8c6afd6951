/**
 * The site's glossary terms for the search on `/`, fetched with its first
 * query: each term once, however many transcripts gloss it, so it grows with
 * the site's distinct terms, not with its transcripts.
 */
import type { APIRoute } from 'astro';
import { getTranscripts } from '../../collection/transcripts.ts';
import { siteGlossary, termRecords } from '../../lib/glossary-index.ts';

export const GET: APIRoute = async () => {
  const transcripts = await getTranscripts();
  const terms = siteGlossary(
    transcripts.map(({ id, data }) => ({ id, title: data.title, glossary: data.glossary })),
  );
  return Response.json(termRecords(terms));
};
