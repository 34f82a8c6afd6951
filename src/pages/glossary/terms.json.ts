/**
 * The site's glossary terms for the search on `/`, fetched with its first
 * query: each term once, however many transcripts gloss it, so it grows with
 * the site's distinct terms, not with its transcripts; each with the page
 * its row is on.
 */
import type { APIRoute } from 'astro';
import { getSiteGlossary } from '../../collection/glossary.ts';
import { siteTermRecords } from '../../lib/glossary-index.ts';

export const GET: APIRoute = async () => Response.json(siteTermRecords(await getSiteGlossary()));
