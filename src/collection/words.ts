/**
 * The site's dictionary files (src/lib/dictionary/site.ts), made once per
 * build. Each transcript's words are kept in Astro's cache folder, by the
 * name of its turns file (which changes with its text and the parser,
 * src/integrations/transcript-loader.ts) and the version of the site's
 * code: a rebuild cuts again only the transcripts that changed, where
 * cutting every transcript's Chinese was most of the making (measured at
 * 500 transcripts: 3 of 4 seconds).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTranscripts, loadTranscript } from './transcripts.ts';
import { loadCedict, type Cedict } from '../lib/dictionary/cedict.ts';
import { wordsFrom, type Words } from '../lib/dictionary/format.ts';
import { siteWordsOf, transcriptWords, type SiteWords } from '../lib/dictionary/site.ts';

let made: Promise<SiteWords> | undefined;

/** The folder of kept words, beside the loader's folder of turns files. */
const WORDS_FOLDER = 'duet-words';

/** Each transcript's words, by slug: the kept ones read, the others cut and kept; the words no transcript uses deleted. */
async function* everyTranscriptsWords(cedict: Cedict): AsyncIterable<[string, string[]]> {
  let dictionary: Words | undefined;
  const used = new Set<string>();
  let folder: string | undefined;
  for (const entry of await getTranscripts()) {
    const { turnsFile } = entry.data;
    folder ??= path.join(path.dirname(path.dirname(turnsFile)), WORDS_FOLDER);
    const name = `${path.basename(turnsFile, '.json')}.${import.meta.env.DUET_CODE_VERSION}.json`;
    const file = path.join(folder, name);
    used.add(name);
    let words: string[];
    try {
      words = JSON.parse(readFileSync(file, 'utf8')) as string[];
    } catch {
      // Not kept yet, or unreadable: cut again.
      dictionary ??= wordsFrom(cedict.entries.keys());
      words = [...transcriptWords(await loadTranscript(entry), dictionary)];
      mkdirSync(folder, { recursive: true });
      writeFileSync(file, JSON.stringify(words));
    }
    yield [entry.id, words];
  }
  if (!folder) return;
  for (const name of readdirSync(folder)) {
    if (!used.has(name)) rmSync(path.join(folder, name), { force: true });
  }
}

function makeSiteWords(): Promise<SiteWords> {
  const cedict = loadCedict();
  return siteWordsOf(everyTranscriptsWords(cedict), cedict);
}

/** The site's dictionary files, made the first time a page asks (in `astro dev`, each time). */
export function getSiteWords(): Promise<SiteWords> {
  if (import.meta.env.DEV) return makeSiteWords();
  made ??= makeSiteWords();
  return made;
}

/** What a dictionary file is made from, for Astro's incremental build: its content and the code's version. */
export function wordsKey(content: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(content)).digest('base64url');
  return `${digest} ${import.meta.env.DUET_CODE_VERSION}`;
}
