/**
 * Two records of one event, one per language, into a Duet transcript:
 * plain text paired turn by turn, or subtitles paired by time. Pure, so
 * the command (bin/import.ts) and the tests run the same code. Either
 * every problem of both files, each at its place, or a transcript that
 * Duet's own parser accepts: the result is parsed before it is handed back.
 */
import { parseTranscript } from '../transcript/parse.ts';
import { compareProblems, type FileMessage } from '../transcript/problem.ts';
import type { Transcript } from '../transcript/schema.ts';
import { pairByTime, pairInOrder, unmatchedCues, type Pair } from './pairing.ts';
import { readPlain } from './plain.ts';
import { unusableName } from './labels.ts';
import { quote } from '../transcript/quote.ts';
import { formatTime } from '../transcript/times.ts';
import { readSubtitles, subtitleTurns, type SubtitleFormat } from './subtitles.ts';
import type { ImportTurn, InputFile } from './turns.ts';
import { writeTranscript, type FrontMatterOptions } from './write.ts';

export interface ImportOptions extends FrontMatterOptions {
  /** The transcript's slug: its title where none is given. */
  slug: string;
  /** The path the transcript is written to, for messages about the result itself. */
  out: string;
}

export type ImportResult =
  { ok: true; markdown: string; transcript: Transcript } | { ok: false; problems: FileMessage[] };

/** A file's kind by its name's ending: subtitles, or plain text. */
export function formatOf(file: string): SubtitleFormat | 'plain' {
  const ending = /\.(srt|vtt)$/i.exec(file)?.[1]?.toLowerCase();
  return ending === 'srt' || ending === 'vtt' ? ending : 'plain';
}

export async function importTranscript(
  zh: InputFile,
  en: InputFile,
  options: ImportOptions,
): Promise<ImportResult> {
  const kinds = [formatOf(zh.file), formatOf(en.file)];
  if (kinds.includes('plain') && kinds.some((kind) => kind !== 'plain')) {
    return {
      ok: false,
      problems: [
        {
          file: zh.file,
          line: 1,
          message: `this file and ${quote(en.file)} are of two kinds, plain text and subtitles: give two plain-text files, or two subtitle files (.srt or .vtt) of one recording`,
        },
      ],
    };
  }
  const subtitles = !kinds.includes('plain');
  const problems: FileMessage[] = [];
  const sides = {
    zh: { file: zh.file, turns: [] as ImportTurn[] },
    en: { file: en.file, turns: [] as ImportTurn[] },
  };
  const cues: Partial<Record<'zh' | 'en', Awaited<ReturnType<typeof readSubtitles>>['cues']>> = {};
  for (const [language, input] of [
    ['zh', zh],
    ['en', en],
  ] as const) {
    const at = (message: { line: number; message: string }) => ({ file: input.file, ...message });
    if (subtitles) {
      const read = await readSubtitles(input.text, formatOf(input.file) as SubtitleFormat);
      const turns = subtitleTurns(read.cues);
      problems.push(...read.problems.map(at), ...turns.problems.map(at));
      cues[language] = read.cues;
      sides[language].turns = turns.turns;
    } else {
      const read = readPlain(input.text);
      problems.push(...read.problems.map(at));
      sides[language].turns = read.turns;
    }
    for (const turn of sides[language].turns) {
      const why = unusableName(turn.speaker);
      if (why) {
        problems.push(
          at({
            line: turn.line,
            message: `the speaker ${quote(turn.speaker)} cannot label a turn, since ${why}: name the speaker otherwise`,
          }),
        );
      }
    }
  }
  if (subtitles && cues.zh && cues.en) {
    for (const [side, other] of [
      [zh, en],
      [en, zh],
    ] as const) {
      const own = side === zh ? cues.zh : cues.en;
      const theirs = side === zh ? cues.en : cues.zh;
      for (const cue of unmatchedCues(own, theirs)) {
        problems.push({
          file: side.file,
          line: cue.line,
          message: `this cue (${formatTime(cue.start)} to ${formatTime(cue.end)}) overlaps no cue of ${quote(other.file)} in time: add its translation there at that time, or correct its times`,
        });
      }
    }
  }
  // Turns of a file that could not be read whole would pair wrongly: its problems come first.
  if (problems.length > 0) return { ok: false, problems: problems.sort(compareProblems) };

  const paired = subtitles ? pairByTime(sides) : pairInOrder(sides);
  if (paired.problems.length > 0)
    return { ok: false, problems: paired.problems.sort(compareProblems) };
  return checked(paired.pairs, { zh: zh.file, en: en.file }, options);
}

/** The transcript written and parsed as the build parses it; its problems told at the input's places. */
function checked(
  pairs: readonly Pair[],
  files: { zh: string; en: string },
  options: ImportOptions,
): ImportResult {
  const written = writeTranscript(pairs, files, options);
  const parsed = parseTranscript(written.markdown, { file: options.out, slug: options.slug });
  if (parsed.ok) return { ok: true, markdown: written.markdown, transcript: parsed.transcript };
  return {
    ok: false,
    problems: parsed.problems
      .map(({ line, message }) => {
        const origin = written.origins.get(line);
        return origin
          ? { ...origin, message: `as imported, ${message}` }
          : { file: options.out, line, message };
      })
      .sort(compareProblems),
  };
}
