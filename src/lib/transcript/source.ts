/**
 * Splits a transcript file into front matter and body lines, keeping the
 * line numbers of the whole file so that every message points at the line
 * an author sees in their editor.
 */

/** One line of the body with its 1-based line number in the whole file. */
export interface SourceLine {
  line: number;
  text: string;
}

export interface SplitSource {
  /** The YAML between the `---` fences, or undefined when there is none. */
  frontMatter?: { text: string; firstLine: number };
  /** Line of the opening fence when it is never closed. */
  unclosedFrontMatterLine?: number;
  body: SourceLine[];
}

const BYTE_ORDER_MARK = '\uFEFF';
const FENCE = /^---[ \t]*$/;

export function withoutByteOrderMark(source: string): string {
  return source.startsWith(BYTE_ORDER_MARK) ? source.slice(1) : source;
}

/** Every line of the file, numbered from 1, without a byte-order mark or line endings. */
export function sourceLines(source: string): SourceLine[] {
  const text = withoutByteOrderMark(source);
  // Only LF and CRLF end a line; a stray CR stays in the line, where inline.ts refuses it.
  return text.split(/\r?\n/).map((line, index) => ({ line: index + 1, text: line }));
}

export function splitSource(source: string): SplitSource {
  const lines = sourceLines(source);

  if (lines.length === 0 || !FENCE.test(lines[0]!.text)) return { body: lines };

  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line.text));
  if (closing === -1) return { unclosedFrontMatterLine: 1, body: [] };

  return {
    frontMatter: {
      text: lines
        .slice(1, closing)
        .map((line) => line.text)
        .join('\n'),
      firstLine: 2,
    },
    body: lines.slice(closing + 1),
  };
}
