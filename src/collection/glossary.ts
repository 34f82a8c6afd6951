/** The site's glossary, for its pages and for the search on `/`. */
import { createHash } from 'node:crypto';
import { siteGlossary, sitePages, type Initial, type SitePage } from '../lib/glossary-index.ts';
import { getTranscripts } from './transcripts.ts';

let initials: Promise<Initial[]> | undefined;

/**
 * The site's terms by initial, each initial's on its pages
 * (lib/glossary-index.ts), gathered from the entries alone (no transcript's
 * turns are read), once per build: the index, every page of terms and the
 * terms' list for search all ask for them. Read afresh in `astro dev`, as
 * the transcripts are.
 */
export function getSiteGlossary(): Promise<Initial[]> {
  const read = async () =>
    sitePages(
      siteGlossary(
        (await getTranscripts()).map(({ id, data }) => ({
          id,
          title: data.title,
          glossary: data.glossary,
        })),
      ),
    );
  if (import.meta.env.DEV) return read();
  initials ??= read();
  return initials;
}

/**
 * A page of the site's glossary's key for the incremental build
 * (src/collection/transcripts.ts says how it is used): what it shows (its
 * rows, without the rest of a long row's transcripts, and the initials)
 * and the version of the site's code. A page whose terms and titles did
 * not change is copied from the last build.
 */
export function glossaryKey({
  page,
  ...rest
}: { page: SitePage } & Record<string, unknown>): string {
  const rows = page.rows.map(({ term: { zh, pinyin, en, abbr }, id, transcripts, continued }) => [
    id,
    zh,
    pinyin,
    en,
    abbr,
    continued,
    transcripts,
  ]);
  const shown = JSON.stringify([page.path, rows, rest]);
  return `${createHash('sha1').update(shown).digest('base64')} ${import.meta.env.DUET_CODE_VERSION}`;
}
