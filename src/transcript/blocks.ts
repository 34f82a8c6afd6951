/**
 * Splits the body into speaker blocks. A line `**Name:** text` (with `:`
 * or `：`) starts a block; every later non-empty line without a label is a
 * further paragraph of it. Blank lines separate nothing.
 */
import type { SourceLine } from './source.ts';

export interface SpeakerBlock {
  speaker: string;
  /** Line of the speaker label. */
  line: number;
  /** Each non-empty line's text, trimmed, the label left out. */
  paragraphs: string[];
}

export interface SplitBlocks {
  blocks: SpeakerBlock[];
  /** The first non-empty line before any speaker label, if there is one. */
  strayLine?: SourceLine;
}

// `s`: a line separator or stray CR inside the text must not stop the label from matching.
const SPEAKER_LABEL = /^\s*\*\*([^*]*?)\s*[:：]\*\*(.*)$/s;

export function splitBlocks(body: readonly SourceLine[]): SplitBlocks {
  const blocks: SpeakerBlock[] = [];
  let strayLine: SourceLine | undefined;

  for (const sourceLine of body) {
    const label = SPEAKER_LABEL.exec(sourceLine.text);
    if (label) {
      const rest = label[2]!.trim();
      blocks.push({
        speaker: label[1]!.trim(),
        line: sourceLine.line,
        paragraphs: rest ? [rest] : [],
      });
      continue;
    }
    const text = sourceLine.text.trim();
    if (!text) continue;
    const current = blocks.at(-1);
    if (current) current.paragraphs.push(text);
    else strayLine ??= sourceLine;
  }

  return strayLine ? { blocks, strayLine } : { blocks };
}
