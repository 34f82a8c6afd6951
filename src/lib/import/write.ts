/**
 * Writes paired turns as a Duet transcript: front matter with the
 * speakers' names in both languages, then for each turn a Chinese block
 * and an English one, each label with the turn's start where it is known.
 * Each line written remembers the input line it came from, so a problem
 * the parser finds in the result is told at its place in the input.
 */
import { stringify } from 'yaml';
import { formatTime } from '../transcript/times.ts';
import type { Pair } from './pairing.ts';
import { escapeMarkdown } from './text.ts';

export interface FrontMatterOptions {
  title?: string;
  date?: string;
  media?: string;
}

/** Where a line of the result comes from: an input file's line. */
export interface Origin {
  file: string;
  line: number;
}

export interface Written {
  markdown: string;
  /** By 1-based line of `markdown`: the input's place, for the body's lines. */
  origins: Map<number, Origin>;
  /** Each speaker's key (their English name) and their Chinese name, in order of first turn. */
  speakers: { key: string; zh: string }[];
}

export function writeTranscript(
  pairs: readonly Pair[],
  files: { zh: string; en: string },
  options: FrontMatterOptions,
): Written {
  const speakers = new Map<string, string>();
  for (const { zh, en } of pairs)
    if (!speakers.has(en.speaker)) speakers.set(en.speaker, zh.speaker);
  // Listed, the speakers are all of them: a label must then name one (src/lib/transcript/names.ts).
  const named = [...speakers].some(([key, zh]) => key !== zh);
  const frontMatter = {
    ...(options.title !== undefined && { title: options.title }),
    ...(options.date !== undefined && { date: options.date }),
    ...(options.media !== undefined && { media: options.media }),
    ...(named && {
      speakers: Object.fromEntries(
        [...speakers].map(([key, zh]) => [key, key === zh ? {} : { zh }]),
      ),
    }),
  };
  const lines: string[] = [];
  const origins = new Map<number, Origin>();
  if (Object.keys(frontMatter).length > 0) {
    lines.push('---', ...stringify(frontMatter).trimEnd().split('\n'), '---');
  }
  for (const pair of pairs) {
    const starts = [pair.zh.start, pair.en.start].filter((start) => start !== undefined);
    const time = starts.length > 0 ? ` [${formatTime(Math.min(...starts))}]` : '';
    if (lines.length > 0) lines.push('');
    for (const [language, file] of [
      ['zh', files.zh],
      ['en', files.en],
    ] as const) {
      const turn = pair[language];
      turn.paragraphs.forEach((paragraph, index) => {
        origins.set(lines.length + 1, { file, line: turn.line });
        const text = escapeMarkdown(paragraph);
        lines.push(index === 0 ? `**${turn.speaker}${time}:** ${text}` : text);
      });
      if (turn.paragraphs.length === 0) {
        origins.set(lines.length + 1, { file, line: turn.line });
        lines.push(`**${turn.speaker}${time}:**`);
      }
    }
  }
  return {
    markdown: `${lines.join('\n')}\n`,
    origins,
    speakers: [...speakers].map(([key, zh]) => ({ key, zh })),
  };
}
