/**
 * The tests' own transcripts (tests/fixtures/corpus/transcripts), parsed by the very
 * function the build reads transcripts with, so every expected value (a
 * title, a turn count, who speaks, the home page's order) comes from the
 * corpus and is never written twice. Shared by the unit and e2e tests.
 */
import path from 'node:path';
import { newestFirst } from '../../src/lib/order.ts';
import { readTranscripts, type TranscriptFile } from '../../src/lib/transcript/files.ts';
import { formatProblem } from '../../src/lib/transcript/problem.ts';
import type { Transcript, Turn } from '../../src/lib/transcript/schema.ts';
import { CORPUS, SEED_SLUG } from './paths.ts';
import { escapeRegExp } from './regexp.ts';

export interface CorpusTranscript {
  slug: string;
  /** Relative to the project root. */
  file: string;
  source: string;
  transcript: Transcript;
  /** `/<slug>/` */
  href: string;
}

async function readCorpus(): Promise<CorpusTranscript[]> {
  const root = path.resolve(import.meta.dirname, '../..');
  const read = await readTranscripts(path.join(root, CORPUS), root);
  if (read.problems.length > 0 || read.warnings.length > 0) {
    const lines = [...read.problems, ...read.warnings].map(formatProblem);
    throw new Error(`The test corpus must be clean:\n${lines.join('\n')}`);
  }
  const listed = (file: TranscriptFile) => ({ id: file.slug, data: file.transcript, file });
  return read.transcripts
    .map(listed)
    .sort(newestFirst)
    .map(({ file: { slug, file, source, transcript } }) => ({
      slug,
      file,
      source,
      transcript,
      href: `/${slug}/`,
    }));
}

/** Every transcript of the corpus, in the home page's order. */
export const corpus: readonly CorpusTranscript[] = await readCorpus();

export function transcript(slug: string): CorpusTranscript {
  const found = corpus.find((entry) => entry.slug === slug);
  if (!found) throw new Error(`The test corpus has no transcript ${slug}`);
  return found;
}

export const seed = transcript(SEED_SLUG);

/** The corpus's longest transcript: the long page under test. */
export const long = corpus.reduce((longest, entry) =>
  entry.transcript.turns.length > longest.transcript.turns.length ? entry : longest,
);

/** What a reader sees of a turn, both languages. */
export const turnText = (turn: Turn) => `${turn.zh.text}\n${turn.en.text}`;

/** A turn's place as a search result lands on it: `<slug>#turn-N`. */
export const place = (slug: string, turn: Turn) => `${slug}#turn-${turn.number}`;

/**
 * The turns, across the corpus or of some of it, whose text holds the word:
 * case aside, and a Latin word as a whole word or the start of one, as search
 * finds it (a Chinese phrase anywhere).
 */
export function turnsWith(
  word: string,
  where: { slug?: string; speaker?: string } = {},
): { entry: CorpusTranscript; turn: Turn }[] {
  const start = /^\p{Script=Latin}/u.test(word) ? '(?<![\\p{L}\\p{N}])' : '';
  const pattern = new RegExp(`${start}${escapeRegExp(word)}`, 'iu');
  return corpus
    .filter((entry) => !where.slug || entry.slug === where.slug)
    .flatMap((entry) => entry.transcript.turns.map((turn) => ({ entry, turn })))
    .filter(({ turn }) => !where.speaker || turn.speaker === where.speaker)
    .filter(({ turn }) => pattern.test(turnText(turn)));
}
