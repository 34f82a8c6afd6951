/** The site's dictionary files (src/lib/dictionary/site.ts), made once per build. */
import { createHash } from 'node:crypto';
import { getTranscripts, loadTranscript } from './transcripts.ts';
import { loadCedict } from '../lib/dictionary/cedict.ts';
import { siteWords, type SiteWords } from '../lib/dictionary/site.ts';
import type { Transcript } from '../lib/transcript/schema.ts';

let made: Promise<SiteWords> | undefined;

async function* everyTranscript(): AsyncIterable<[string, Transcript]> {
  for (const entry of await getTranscripts()) yield [entry.id, await loadTranscript(entry)];
}

/** The site's dictionary files, made the first time a page asks (in `astro dev`, each time). */
export function getSiteWords(): Promise<SiteWords> {
  if (import.meta.env.DEV) return siteWords(everyTranscript(), loadCedict());
  made ??= siteWords(everyTranscript(), loadCedict());
  return made;
}

/** What a dictionary file is made from, for Astro's incremental build: its content and the code's version. */
export function wordsKey(content: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(content)).digest('base64url');
  return `${digest} ${import.meta.env.DUET_CODE_VERSION}`;
}
