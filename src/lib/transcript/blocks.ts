/**
 * Splits the body into speaker blocks. A line `**Name:** text` (with `:`
 * or `：`) starts a block; every later non-empty line without a label is a
 * further paragraph of it. Blank lines separate nothing.
 */
import { columnAt } from './column.ts';
import type { SourceLine } from './source.ts';

export interface SpeakerBlock {
  speaker: string;
  /** Line of the speaker label. */
  line: number;
  /** Each non-empty line's text, trimmed, the label left out. */
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
}

// `s`: a line separator or stray CR inside the text must not stop the label from matching.
// The name is `[^*]*` and is trimmed afterwards: a lazy name followed by `\s*` made
// a 100 000-character line of spaces take seconds to match.
const SPEAKER_LABEL = /^\s*\*\*([^*]*)[:：]\*\*(.*)$/s;

export function splitBlocks(body: readonly SourceLine[]): SplitBlocks {
  const blocks: SpeakerBlock[] = [];
  let strayLine: SourceLine | undefined;

  for (const sourceLine of body) {
    const label = SPEAKER_LABEL.exec(sourceLine.text);
    if (label) {
      const afterLabel = label[2]!;
      const rest = afterLabel.trim();
      const restIndex = sourceLine.text.length - afterLabel.trimStart().length;
      blocks.push({
        speaker: label[1]!.trim(),
        line: sourceLine.line,
        paragraphs: rest ? [rest] : [],
        starts: rest ? [startOf(sourceLine, restIndex)] : [],
      });
      continue;
    }
    const text = sourceLine.text.trim();
    if (!text) continue;
    const current = blocks.at(-1);
    if (current) {
      current.paragraphs.push(text);
      current.starts.push(
        startOf(sourceLine, sourceLine.text.length - sourceLine.text.trimStart().length),
      );
    } else strayLine ??= sourceLine;
  }

  return strayLine ? { blocks, strayLine } : { blocks };
}

function startOf(sourceLine: SourceLine, index: number): TextStart {
  return { line: sourceLine.line, column: columnAt(sourceLine.text, index) };
}
