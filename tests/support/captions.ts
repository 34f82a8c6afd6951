/** Captions read back as a player reads them, with a real WebVTT parser (media-captions). */
import { parseText, tokenizeVTTCue } from 'media-captions';
import { cueText } from '../../src/lib/import/subtitles.ts';

export interface ReadCue {
  id: string;
  start: number;
  end: number;
  /** The cue's first voice, `<v Name>`. */
  voice: string | undefined;
  /** Its text, tags left out and character references read, its lines joined by `\n`. */
  text: string;
}

/** Strict: the file's first error throws, so a test fails on any. */
export async function readCaptions(vtt: string): Promise<ReadCue[]> {
  const parsed = await parseText(vtt, { type: 'vtt', strict: true, errors: true });
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.cues.map((cue) => {
    const { voice, pieces } = cueText(tokenizeVTTCue(cue));
    return { id: cue.id, start: cue.startTime, end: cue.endTime, voice, text: pieces.join('') };
  });
}
