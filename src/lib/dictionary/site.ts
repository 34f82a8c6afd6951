/**
 * The dictionary's files (./format.ts) for a whole site: each transcript's
 * Chinese cut into words, longest first over CC-CEDICT and the transcript's
 * own glossed terms (so 可解释性 stays whole, which no dictionary holds),
 * and the site's vocabulary with CC-CEDICT's entries, in shards.
 *
 * Why longest match: on the seed it keeps every word CC-CEDICT has and cuts
 * nothing into a word CC-CEDICT lacks (4,343 words, all of them entries),
 * where ICU's segmenter (`Intl.Segmenter`) made 253 words of its 4,221 that
 * CC-CEDICT lacks and jieba (@node-rs/jieba) 140 of 4,261, each a popup with
 * no definition; the glossed terms come out whole in none of the three
 * without being added, and longest match takes them as they are; and the
 * page cuts a paragraph the same way over the transcript's words alone
 * (`cut`), with no segmenter of its own.
 */
import type { Transcript } from '../transcript/schema.ts';
import type { Cedict } from './cedict.ts';
import {
  cut,
  eitherOf,
  isHanWord,
  shardOf,
  wordsFrom,
  type Shard,
  type Words,
  type WordsFile,
} from './format.ts';

/** About how many words a shard holds: some 25 KB, 8 KB gzip, for the seed's words. */
export const WORDS_PER_SHARD = 250;

export interface SiteWords {
  /** Each transcript's file, by slug. */
  files: Map<string, WordsFile>;
  shards: Shard[];
}

/** The words of one transcript's Chinese texts, cut over the dictionary and its glossed terms. */
export function wordsOf(
  texts: readonly string[],
  terms: readonly string[],
  dictionary: Words,
): Set<string> {
  const words = eitherOf(dictionary, wordsFrom(terms.filter(isHanWord)));
  const found = new Set<string>();
  for (const text of texts) for (const { word } of cut(text, words)) found.add(word);
  return found;
}

/** The dictionary's files for transcripts given by slug, in the site's order. */
export function siteWords(
  transcripts: AsyncIterable<[slug: string, transcript: Transcript]>,
  cedict: Cedict,
): Promise<SiteWords> {
  const dictionary = wordsFrom(cedict.entries.keys());
  return siteWordsOf(
    (async function* () {
      for await (const [slug, transcript] of transcripts) {
        yield [slug, transcriptWords(transcript, dictionary)] as const;
      }
    })(),
    cedict,
  );
}

/** `wordsOf` a transcript: the words of its Chinese turns, cut over the dictionary and its glossed terms. */
export function transcriptWords(transcript: Transcript, dictionary: Words): Set<string> {
  return wordsOf(
    transcript.turns.map((turn) => turn.zh.text),
    transcript.glossary.map((term) => term.zh),
    dictionary,
  );
}

/** The dictionary's files for transcripts given by slug with their words (`transcriptWords`), in the site's order. */
export async function siteWordsOf(
  transcripts: AsyncIterable<readonly [slug: string, words: Iterable<string>]>,
  { entries }: Cedict,
): Promise<SiteWords> {
  const perTranscript = new Map<string, string[]>();
  const vocabulary = new Set<string>();
  for await (const [slug, words] of transcripts) {
    const all = [...words];
    for (const word of all) if (entries.has(word)) vocabulary.add(word);
    perTranscript.set(slug, all.filter((word) => Array.from(word).length > 1).sort());
  }
  const count = Math.max(1, Math.ceil(vocabulary.size / WORDS_PER_SHARD));
  const shards: Shard[] = Array.from({ length: count }, () => ({}));
  for (const word of [...vocabulary].sort())
    shards[shardOf(word, count)]![word] = entries.get(word)!;
  const files = new Map<string, WordsFile>();
  for (const [slug, words] of perTranscript) {
    files.set(slug, { shards: count, words: words.join(' ') });
  }
  return { files, shards };
}
