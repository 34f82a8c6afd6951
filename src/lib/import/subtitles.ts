/**
 * A subtitle file of one language (SubRip `.srt` or WebVTT `.vtt`), read
 * with media-captions, into turns: a turn starts at a change of speaker (a
 * WebVTT voice `<v Name>`, or a label `Name:` at a cue's start) and holds
 * the text of its cues, joined into one paragraph.
 */
import { parseText, parseVTTTimestamp, tokenizeVTTCue, type VTTNode } from 'media-captions';
import { checkCharacters } from '../transcript/characters.ts';
import type { LocatedMessage } from '../transcript/problem.ts';
import { sourceLines, withoutByteOrderMark } from '../transcript/source.ts';
import { formatTime } from '../transcript/times.ts';
import { readLabel } from './labels.ts';
import { joinPieces, paragraphOf } from './text.ts';
import type { ImportTurn } from './turns.ts';

export type SubtitleFormat = 'srt' | 'vtt';

export interface Cue {
  /** Line of the cue's timing, `00:01:02,500 --> …`. */
  line: number;
  start: number;
  end: number;
  /** The speaker the cue names, by its voice or a label, when it names one. */
  speaker?: string;
  /** The cue's text, its tags left out and its lines joined. */
  text: string;
}

export async function readSubtitles(
  source: string,
  format: SubtitleFormat,
): Promise<{ cues: Cue[]; problems: LocatedMessage[] }> {
  const text = withoutByteOrderMark(source);
  const lines = sourceLines(text);
  const problems = checkCharacters(lines);
  const parsed = await parseText(text, { type: format, errors: true });
  for (const error of parsed.errors) {
    problems.push({
      line: error.line,
      message: `${error.message.replace(/ on line \d+$/, '')}: write each cue's timing as \`00:01:02${format === 'srt' ? ',' : '.'}500 --> 00:01:05${format === 'srt' ? ',' : '.'}000\`, the end after the start`,
    });
  }
  const timings = timingLines(lines);
  const cues: Cue[] = [];
  let timing = 0;
  for (const cue of parsed.cues) {
    // A cue's timing line is the next one that starts at its start: the parser keeps no lines.
    while (timing < timings.length && timings[timing]!.start !== cue.startTime) timing++;
    const line = timings[timing++]?.line ?? 1;
    const { voice, pieces } = cueText(tokenizeVTTCue(cue));
    const joined = joinPieces(pieces.flatMap((piece) => piece.split('\n')).map(paragraphOf));
    const label = voice === undefined ? readLabel(joined) : undefined;
    const speaker = voice?.trim() ?? label?.name;
    const body = label ? paragraphOf(label.rest) : joined;
    cues.push({
      line,
      start: cue.startTime,
      end: cue.endTime,
      ...(speaker !== undefined && { speaker }),
      text: body,
    });
  }
  if (cues.length === 0 && problems.length === 0) {
    problems.push({
      line: 1,
      message: `no cue in this file: a ${format === 'srt' ? 'SubRip' : 'WebVTT'} cue is a timing line, \`00:00:01${format === 'srt' ? ',' : '.'}000 --> 00:00:04${format === 'srt' ? ',' : '.'}000\`, and its text on the lines below`,
    });
  }
  return { cues, problems };
}

/** Every line that times a cue, with the start it gives. */
function timingLines(lines: readonly { line: number; text: string }[]) {
  const timings: { line: number; start: number | null }[] = [];
  for (const { line, text } of lines) {
    const arrow = text.indexOf('-->');
    if (arrow === -1) continue;
    timings.push({ line, start: parseVTTTimestamp(text.slice(0, arrow).trim().replace(',', '.')) });
  }
  return timings;
}

/** A cue's text pieces, tags left out and character references read, and its first voice. */
export function cueText(nodes: readonly VTTNode[]): { voice?: string; pieces: string[] } {
  let voice: string | undefined;
  const pieces: string[] = [];
  const walk = (node: VTTNode) => {
    if (node.type === 'text') {
      pieces.push(node.data);
      return;
    }
    if (node.type === 'v') voice ??= node.voice;
    node.children.forEach(walk);
  };
  nodes.forEach(walk);
  // Pieces of one line (`a <i>b</i> c`) are one piece: only line breaks are joins.
  return { ...(voice !== undefined && { voice }), pieces: [pieces.join('')] };
}

/**
 * The turns of a file's cues, in time order: a cue naming a speaker other
 * than the one speaking starts a turn; a cue naming none continues it.
 */
export function subtitleTurns(cues: readonly Cue[]): {
  turns: ImportTurn[];
  problems: LocatedMessage[];
} {
  const turns: ImportTurn[] = [];
  const problems: LocatedMessage[] = [];
  const texts: string[][] = [];
  const unnamed: Cue[] = [];
  for (const cue of [...cues].sort((a, b) => a.start - b.start)) {
    const current = turns.at(-1);
    if (cue.speaker !== undefined && cue.speaker !== current?.speaker) {
      turns.push({
        speaker: cue.speaker,
        line: cue.line,
        paragraphs: [],
        start: cue.start,
        end: cue.end,
      });
      texts.push([cue.text]);
    } else if (current) {
      current.end = Math.max(current.end!, cue.end);
      texts.at(-1)!.push(cue.text);
    } else unnamed.push(cue);
  }
  const first = unnamed[0];
  if (first) {
    const more = unnamed.length > 1 ? ` (nor do the ${unnamed.length - 1} cues after it)` : '';
    problems.push({
      line: first.line,
      message: `this cue (${formatTime(first.start)}) names no speaker${more}, and every turn needs one: start its text with who speaks, \`Name: text\`, or in WebVTT mark it \`<v Name>text\`; a later cue naming no one continues the turn before it`,
    });
  }
  turns.forEach((turn, index) => {
    const paragraph = joinPieces(texts[index]!);
    turn.paragraphs = paragraph === '' ? [] : [paragraph];
  });
  return { turns, problems };
}
