/**
 * A transcript's pinyin (src/lib/reading-aids/format.ts), made from its
 * collection entry at build time; the reader page fetches it when the
 * reader asks for pinyin.
 */
import { filePerTranscript } from '../../collection/transcripts.ts';
import { pinyinFileOf } from '../../lib/reading-aids/pinyin.ts';

export const { getStaticPaths, GET } = filePerTranscript((_slug, transcript) =>
  pinyinFileOf(transcript),
);
