/**
 * Splits the body into speaker blocks. A line `**Name:** text` (with `:`
 * or `：`, and perhaps a time, `**Name [12:34]:**`) starts a block; every later non-empty line without a label is a
 * further paragraph of it. Blank lines separate nothing.
 */
import { columnAt } from './column.ts';
import type { SourceLine } from './source.ts';
import { readLabelTime, type LabelTime } from './times.ts';

export interface SpeakerBlock {
  /** The label's name, its time left out. */
  speaker: string;
  /** Line of the speaker label. */
  line: number;
  /** The start time the label ends with, `[12:34]`, when it has one (times.ts). */
  time?: LabelTime;
  /** Each non-empty line's text as written, the label and the spaces and tabs at its edges left out. */
  paragraphs: string[];
  /** Where each paragraph starts in the file, for messages about a place inside it. */
  starts: TextStart[];
}

/** The line and 1-based column of a paragraph's first character. */
export interface TextStart {
  line: number;
  column: number;
}

export interface SplitBlocks {
  blocks: SpeakerBlock[];
  /** The first non-empty line before any speaker label, if there is one. */
  strayLine?: SourceLine;
  /**
   * Lines read as blank that hold white space other than spaces and tabs (an
   * ideographic space, a no-break space): nothing of them shows on a page,
   * but the author typed them, so they are told.
   */
  whiteLines: SourceLine[];
}

// `s`: a line separator or stray CR inside the text must not stop the label from matching.
// The name is `[^*]*` and is trimmed afterwards: a lazy name followed by `\s*` made
// a 100 000-character line of spaces take seconds to match. White space of any kind
// before the label (a no-break space, say) belongs to no text: the label is still found.
export const SPEAKER_LABEL = /^\s*\*\*([^*]*)[:：]\*\*(.*)$/s;

// A line of nothing but white space, of any kind, looks empty to its author and
// shows nothing on a page: it is a blank line, and blank lines separate nothing.
const BLANK = /^\s*$/;

export function splitBlocks(body: readonly SourceLine[]): SplitBlocks {
  const blocks: SpeakerBlock[] = [];
  const whiteLines: SourceLine[] = [];
  let strayLine: SourceLine | undefined;
  const textOf = (sourceLine: SourceLine, from: number) => {
    const text = textFrom(sourceLine, from);
    if (text?.blank) whiteLines.push(sourceLine);
    return text?.blank ? undefined : text;
  };

  for (const sourceLine of body) {
    const label = SPEAKER_LABEL.exec(sourceLine.text);
    if (label) {
      const text = textOf(sourceLine, sourceLine.text.length - label[2]!.length);
      const time = readLabelTime(label[1]!);
      blocks.push({
        speaker: time.name,
        line: sourceLine.line,
        ...(time.written !== undefined && { time }),
        paragraphs: text ? [text.paragraph] : [],
        starts: text ? [text.start] : [],
      });
      continue;
    }
    const text = textOf(sourceLine, 0);
    if (!text) continue;
    const current = blocks.at(-1);
    if (current) {
      current.paragraphs.push(text.paragraph);
      current.starts.push(text.start);
    } else strayLine ??= sourceLine;
  }

  return strayLine ? { blocks, strayLine, whiteLines } : { blocks, whiteLines };
}

/**
 * The text of a line from `from` on, without the spaces and tabs at its
 * edges; undefined when there is none, `blank` when what is left is white
 * space of another kind. Only spaces and tabs go: they are
 * what separates a label from its text and indents a line, Markdown strips
 * them from a paragraph's edges anyway, and a page never shows them there.
 * Every other character at an edge (an ideographic space U+3000, a
 * no-break space, U+FEFF) is something the author typed and a reader may
 * see, so it stays, where `String.trim()` would drop it.
 */
function textFrom(sourceLine: SourceLine, from: number) {
  const { text } = sourceLine;
  let start = from;
  let end = text.length;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  const paragraph = text.slice(start, end);
  if (paragraph === '') return undefined;
  return {
    paragraph,
    start: { line: sourceLine.line, column: columnAt(text, start) },
    blank: BLANK.test(paragraph),
  };
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
