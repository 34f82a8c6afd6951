/**
 * A plain-text record of one language: each turn starts with a label
 * (labels.ts) and every later non-empty line without one is a further
 * paragraph of it, as web pages of press conferences read when copied.
 */
import { checkCharacters } from '../transcript/characters.ts';
import type { LocatedMessage } from '../transcript/problem.ts';
import { quote } from '../transcript/quote.ts';
import { sourceLines } from '../transcript/source.ts';
import { readLabel } from './labels.ts';
import { paragraphOf } from './text.ts';
import type { ImportTurn } from './turns.ts';

// As Duet's parser reads a line: nothing but white space of any kind is a blank line.
const BLANK = /^\s*$/;

export function readPlain(text: string): { turns: ImportTurn[]; problems: LocatedMessage[] } {
  const lines = sourceLines(text);
  const problems = checkCharacters(lines);
  const turns: ImportTurn[] = [];
  let stray = false;
  for (const { line, text } of lines) {
    const label = readLabel(text);
    const paragraph = paragraphOf(label ? label.rest : text);
    const hasText = !BLANK.test(paragraph);
    if (label) {
      turns.push({ speaker: label.name, line, paragraphs: hasText ? [paragraph] : [] });
    } else if (!hasText) {
      continue;
    } else if (turns.length > 0) {
      turns.at(-1)!.paragraphs.push(paragraph);
    } else if (!stray) {
      stray = true;
      problems.push({
        line,
        message: `text before the first speaker label, \`${quote(paragraph)}\`: start the line with who speaks, \`Name: text\`, or remove it (a heading can be given as --title)`,
      });
    }
  }
  for (const turn of turns) {
    if (turn.paragraphs.length > 0) continue;
    problems.push({
      line: turn.line,
      message: `the label \`${quote(turn.speaker)}:\` has no text: write what ${quote(turn.speaker)} said after it or on the lines below it, or remove it`,
    });
  }
  if (turns.length === 0 && problems.length === 0) {
    problems.push({
      line: 1,
      message:
        'no speaker label in this file: start each turn with who speaks, `Name: text`, `Name：text` or `**Name:** text`',
    });
  }
  return { turns, problems };
}
