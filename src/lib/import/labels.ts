/**
 * Speaker labels as transcripts come: `Name: text`, `Name：text` or
 * `**Name:** text` at a paragraph's start (plain text), or a cue's. A plain
 * `Name:` is told from a sentence that holds a colon by its shape: a name is
 * a few words, with no sentence punctuation, and an ASCII colon is followed
 * by white space (so `https://…` and `10:30` are no labels).
 */
import { SPEAKER_LABEL } from '../transcript/blocks.ts';

export interface Label {
  name: string;
  /** What follows the label on its line. */
  rest: string;
}

/** The longest name read as a label, in characters: "Foreign Ministry Spokesperson Mao Ning" has 38. */
const MOST_NAME_CHARACTERS = 40;
const MOST_NAME_WORDS = 6;
// Sentence punctuation, and what Duet's own label would read otherwise: `*` ends
// it, and brackets at its end are a time (src/lib/transcript/times.ts).
const NOT_IN_NAME = /[,;!?，。；！？、"“”「」()（）*[\]`\\]/;

export function readLabel(line: string): Label | undefined {
  const text = line.trimStart();
  // Duet's own label, read as the parser reads it.
  const markdown = SPEAKER_LABEL.exec(text);
  if (markdown) return { name: markdown[1]!.trim(), rest: markdown[2]! };
  // Only the head of a line can be a name: a long line is not searched through.
  const head = text.slice(0, MOST_NAME_CHARACTERS + 2);
  const colon = head.search(/[:：]/);
  if (colon <= 0) return undefined;
  if (head[colon] === ':' && !/^(\s|$)/.test(text.slice(colon + 1, colon + 2))) return undefined;
  const name = text.slice(0, colon).trim();
  if (!isName(name)) return undefined;
  return { name, rest: text.slice(colon + 1) };
}

function isName(name: string): boolean {
  return (
    /\p{L}/u.test(name) &&
    [...name].length <= MOST_NAME_CHARACTERS &&
    name.split(/\s+/).length <= MOST_NAME_WORDS &&
    !NOT_IN_NAME.test(name)
  );
}

/**
 * Why a name (a WebVTT voice, say) cannot label a Duet block, or undefined
 * when it can: `*` and a colon end a label, and brackets at its end are read as a time.
 */
export function unusableName(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (/[*:：]/.test(name)) return 'a label cannot hold `*`, `:` or `：`';
  if (name.endsWith(']')) return 'a label ending in `]` is read as one ending in a time';
  return undefined;
}
