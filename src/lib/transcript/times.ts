/**
 * A turn's start time in the recording, written at the end of its speaker
 * label in brackets, `**Josh [12:34]:**` or `**Josh [1:02:03.5]:**`, and
 * the checks that bind the times of a transcript together: a pair's two
 * blocks agree, and no turn starts before an earlier one.
 */
import type { LocatedMessage } from './problem.ts';
import { quote } from './quote.ts';

/** A label's name and, where it ends with one, its bracketed time. */
export interface LabelTime {
  /** The label without its time, white space at its edges left out. */
  name: string;
  /** The time as written between the brackets, when the label ends with one. */
  written?: string;
  /** The time in seconds, when what is written is a time. */
  seconds?: number;
}

// m:ss or h:mm:ss, then an optional fraction: minutes past 59 are allowed
// only where no hours are written (75:00 is an hour and a quarter).
const TIME = /^(?:(\d+):([0-5]\d)|(\d+):([0-5]\d):([0-5]\d))(\.\d+)?$/;

/**
 * Splits `Josh [12:34]` into its name and time. Only a bracketed part that
 * holds a digit is read as a time (and must then be one): `Audience [off
 * mic]` stays a name. Indexes, not a regular expression, so a label of a
 * hundred thousand brackets is read in one pass.
 */
export function readLabelTime(label: string): LabelTime {
  const trimmed = label.trim();
  const open = trimmed.lastIndexOf('[');
  if (!trimmed.endsWith(']') || open === -1) return { name: trimmed };
  const written = trimmed.slice(open + 1, -1).trim();
  if (!/\d/.test(written)) return { name: trimmed };
  const name = trimmed.slice(0, open).trim();
  const seconds = parseTime(written);
  return seconds === undefined ? { name, written } : { name, written, seconds };
}

/** `12:34` → 754, `1:02:03.5` → 3723.5; undefined for anything else. */
export function parseTime(written: string): number | undefined {
  const match = TIME.exec(written);
  if (!match) return undefined;
  const [, minutes, seconds, hours, hourMinutes, hourSeconds, fraction = ''] = match;
  const whole =
    hours === undefined
      ? Number(minutes) * 60 + Number(seconds)
      : Number(hours) * 3600 + Number(hourMinutes) * 60 + Number(hourSeconds);
  return whole + Number(`0${fraction}`);
}

/**
 * Seconds as a label writes them: `m:ss` under an hour, `h:mm:ss` from
 * one on, with the fraction of a second to the millisecond where there is one.
 */
export function formatTime(seconds: number): string {
  const milliseconds = Math.round(seconds * 1000);
  const whole = Math.floor(milliseconds / 1000);
  const fraction = milliseconds % 1000;
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  const clock =
    hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
  return fraction === 0
    ? clock
    : `${clock}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}

/** Whether some turn gives its start in the recording: such a transcript has captions (src/lib/captions.ts). */
export function hasTimes(turns: readonly { start?: number | undefined }[]): boolean {
  return turns.some((turn) => turn.start !== undefined);
}

/** A block's time as the checks need it. */
export interface TimedBlock {
  line: number;
  time?: LabelTime;
}

export function malformedTime(block: TimedBlock): LocatedMessage | undefined {
  const time = block.time;
  if (time?.written === undefined || time.seconds !== undefined) return undefined;
  return {
    line: block.line,
    message: `\`[${quote(time.written)}]\` in this speaker label is not a time: write the turn's start in the recording as minutes and seconds or hours, minutes and seconds, e.g. \`[12:34]\` or \`[1:02:03.5]\`, or take the brackets out of the label`,
  };
}

/** A turn's start and the line of the label that gives it. */
export interface TurnStart {
  number: number;
  start: number;
  line: number;
}

/**
 * A pair's start: the time either block gives, with that block's line, or
 * a problem when both give one and the two differ (`12:34` and `12:34.0`
 * are one time).
 */
export function pairTime(
  zh: TimedBlock,
  en: TimedBlock,
): { start?: { seconds: number; line: number }; problem?: LocatedMessage } {
  const [first, second] = zh.line < en.line ? [zh, en] : [en, zh];
  const timed = [first, second].filter((block) => block.time?.seconds !== undefined);
  if (timed.length === 0) return {};
  const start = { seconds: timed[0]!.time!.seconds!, line: timed[0]!.line };
  if (timed.length === 1 || first.time!.seconds === second.time!.seconds) return { start };
  return {
    start,
    problem: {
      line: second.line,
      message: `this block's time \`[${quote(second.time!.written!)}]\` differs from \`[${quote(first.time!.written!)}]\` on line ${first.line}, its partner's: a turn has one start, so write the same time on both labels, or on one of them alone`,
    },
  };
}

/** Each timed turn that starts before a timed turn above it, told at the label that gives its time. */
export function timesGoingBack(starts: readonly TurnStart[]): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  let latest: TurnStart | undefined;
  for (const turn of starts) {
    if (latest && turn.start < latest.start) {
      problems.push({
        line: turn.line,
        message: `turn ${turn.number} starts at ${formatTime(turn.start)}, before turn ${latest.number} above it at ${formatTime(latest.start)}: times go forward through a transcript, so correct the time of one of the two`,
      });
    } else latest = turn;
  }
  return problems;
}
