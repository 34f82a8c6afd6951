/**
 * A transcript's captions in one language, `/<slug>/captions.<zh|en>.vtt`
 * (CONTRACT.md, Recording): WebVTT, one cue per timed turn, the speaker as
 * its voice and each paragraph a line, for a video player's tracks and for
 * video sites that take `.vtt` (the README's "Recording" says how). Pure,
 * for unit tests; src/pages/[slug]/captions.[lang].vtt.ts serves it.
 */
import type { Language } from './transcript/language.ts';
import type { Transcript, Turn } from './transcript/schema.ts';
import { nameOf } from './transcript/speakers.ts';
import { escapeText } from './escape.ts';

/**
 * How fast a last turn is taken to be spoken, for its cue's end, which no
 * later turn gives: about 150 English words a minute, 240 Chinese
 * characters. The cue lasts as long as the slower of its two languages
 * takes, so it is not gone before the speaker is, in either file.
 */
const ENGLISH_WORDS_PER_SECOND = 2.5;
const HAN_PER_SECOND = 4;
/** The shortest a last cue lasts: long enough to read a word or two. */
const SHORTEST_LAST_CUE = 2;

/**
 * The WebVTT file: a cue per turn with a start, from that start to the next
 * later start among the turns below it (turns starting together share their
 * end); the last cue ends after the time its turn takes to say (above).
 * Turns without a time have no cue: the cue before them runs on over them.
 * Each cue is named `turn-N`, as the turn's permalink.
 */
export function captionsOf(
  { turns, speakers }: Pick<Transcript, 'turns' | 'speakers'>,
  language: Language,
): string {
  const timed = turns.filter((turn): turn is Turn & { start: number } => turn.start !== undefined);
  const cues = timed.map((turn, index) => {
    const end =
      timed.slice(index + 1).find((later) => later.start > turn.start)?.start ??
      turn.start + speakingTime(turn);
    const voice = escapeCueText(nameOf(speakers, turn.speaker)[language]);
    const lines = turn[language].text.split('\n').filter((line) => line.trim() !== '');
    return [
      `turn-${turn.number}`,
      `${timestamp(turn.start)} --> ${timestamp(end)}`,
      `<v ${voice}>${lines.map(escapeCueText).join('\n')}`,
    ].join('\n');
  });
  return ['WEBVTT', ...cues].join('\n\n') + '\n';
}

/** Text as a cue's payload or a voice's name holds it (./escape.ts). */
export const escapeCueText = escapeText;

/** `hh:mm:ss.ttt`, as WebVTT writes a time (hours written always: some sites ask for them). */
function timestamp(seconds: number): string {
  const milliseconds = Math.round(seconds * 1000);
  const part = (value: number, digits = 2) => String(value).padStart(digits, '0');
  return `${part(Math.floor(milliseconds / 3_600_000))}:${part(Math.floor(milliseconds / 60_000) % 60)}:${part(Math.floor(milliseconds / 1000) % 60)}.${part(milliseconds % 1000, 3)}`;
}

/** Seconds, whole, a turn takes to say in the slower of its languages (see the rates above). */
function speakingTime(turn: Turn): number {
  const words = turn.en.text.split(/\s+/).filter(Boolean).length;
  const han = turn.zh.text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return Math.max(
    SHORTEST_LAST_CUE,
    Math.ceil(Math.max(words / ENGLISH_WORDS_PER_SECOND, han / HAN_PER_SECOND)),
  );
}
