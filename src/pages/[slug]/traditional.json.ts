/**
 * A transcript's Chinese text in Traditional characters (src/lib/reading-aids/format.ts), made from its
 * collection entry at build time; the reader page fetches it when the
 * reader asks for Traditional characters.
 */
import { filePerTranscript } from '../../collection/transcripts.ts';
import { traditionalFileOf } from '../../lib/reading-aids/traditional.ts';

export const { getStaticPaths, GET } = filePerTranscript((_slug, transcript) =>
  traditionalFileOf(transcript),
);
