/**
 * What the contract says a source file holds, worked out from the text
 * alone, without the parser's code: its lines, its blocks and each block's
 * paragraphs. The properties compare the parser with this.
 *
 * White space that may go, and nothing else (CONTRACT.md: "Every other
 * character is shown as written"):
 * - the line endings, LF or CRLF, and one byte-order mark at the very start;
 * - white space of any kind before a speaker label: it belongs to the label
 *   (the good fixture `unusual-whitespace.md` has a no-break space there);
 * - spaces and tabs between a label and its text, and at the start and end
 *   of every line: the indentation and trailing blanks an editor leaves.
 * So U+3000, U+00A0, U+FEFF or U+2028 at the edge of a text stay
 * in the paragraph. A line whose text is nothing but such white space shows
 * nothing and is read as blank, but not silently: a warning names its line
 * (`whiteLines`).
 */

const BYTE_ORDER_MARK = '\uFEFF';
const LINE_ENDING = /\r?\n/;
const FENCE = /^---[ \t]*$/;
const PADDING = /^[ \t]+|[ \t]+$/g;
const WHITE = /^\s+$/u;
const LABEL_COLONS = new Set([':', '：']);
/** A start time at the end of a label, `[12:34]` or `[1:02:03.5]`: it names no one. */
const START_TIME = /\s*\[\s*(?:\d+:[0-5]\d|\d+:[0-5]\d:[0-5]\d)(?:\.\d+)?\s*\]\s*$/;

export interface ExpectedBlock {
  /** 1-based line of the speaker label. */
  line: number;
  /** The name between `**` and the colon, white space at its edges and a start time (`[12:34]`) left out. */
  speaker: string;
  paragraphs: string[];
}

/** The file's lines as the contract counts them, without line endings or the leading byte-order mark. */
export function linesOf(source: string): string[] {
  const text = source.startsWith(BYTE_ORDER_MARK) ? source.slice(1) : source;
  return text.split(LINE_ENDING);
}

/** The blocks of a file, in source order, as the parser must find them in a file it accepts. */
export function expectedBlocks(source: string): ExpectedBlock[] {
  return read(source).blocks;
}

/** The lines whose text is only white space other than spaces and tabs: each must be warned of. */
export function whiteLines(source: string): number[] {
  return read(source).white;
}

function read(source: string): { blocks: ExpectedBlock[]; white: number[] } {
  const lines = linesOf(source);
  const closing = FENCE.test(lines[0] ?? '')
    ? lines.findIndex((line, index) => index > 0 && FENCE.test(line))
    : -1;
  const blocks: ExpectedBlock[] = [];
  const white: number[] = [];
  /** The text, or nothing when it is empty or only white space (that line is noted). */
  const textOf = (text: string, line: number) => {
    if (!WHITE.test(text)) return text;
    if (text) white.push(line);
    return '';
  };
  lines.forEach((text, index) => {
    if (index <= closing) return;
    const label = readLabel(text);
    if (label) {
      const rest = textOf(label.rest, index + 1);
      blocks.push({
        line: index + 1,
        speaker: label.name.replace(START_TIME, '').trim(),
        paragraphs: rest ? [rest] : [],
      });
      return;
    }
    const paragraph = textOf(text.replace(PADDING, ''), index + 1);
    if (!paragraph) return;
    const current = blocks.at(-1);
    // Text before the first label makes the file invalid: an accepted file
    // with some has lost it, and this block without a speaker says where.
    if (current) current.paragraphs.push(paragraph);
    else blocks.push({ line: index + 1, speaker: '', paragraphs: [paragraph] });
  });
  return { blocks, white };
}

/**
 * `**Name:** rest`: after any white space, `**`, then everything up to the
 * first `*`, which must be the first of `**` and follow a `:` or `：`.
 */
function readLabel(text: string): { name: string; rest: string } | undefined {
  const start = text.length - text.trimStart().length;
  if (!text.startsWith('**', start)) return undefined;
  const close = text.indexOf('*', start + 2);
  if (close === -1 || text[close + 1] !== '*' || close - 1 < start + 2) return undefined;
  if (!LABEL_COLONS.has(text[close - 1]!)) return undefined;
  return {
    name: text.slice(start + 2, close - 1),
    rest: text.slice(close + 2).replace(PADDING, ''),
  };
}

/**
 * Characters that can be Markdown syntax, or could be if a construct that
 * is switched off came back (raw HTML, character references, headings):
 * a paragraph without any of them is shown exactly as written.
 */
export const MARKDOWN_SIGNIFICANT = /[*_`[\]()!<>&#\\]/;

/**
 * The characters of a paragraph that must reach its visible text, in order,
 * whatever its Markdown: ASCII letters and digits and every character
 * beyond ASCII, except in a link's target or title. Left out are ASCII
 * punctuation (syntax and escapes), spaces, tabs and CR (which code spans
 * and line breaks may collapse). A target starts at `](` and ends at a `)`,
 * so all from each `](` to the last `)` after it is left out: more than the
 * targets, never less.
 */
export function charactersThatStay(paragraph: string): string[] {
  const characters = [...paragraph];
  const lastClose = characters.lastIndexOf(')');
  const firstTarget = characters.findIndex(
    (character, index) => character === ']' && characters[index + 1] === '(' && index < lastClose,
  );
  return characters.filter(
    (character, index) =>
      (firstTarget === -1 || index < firstTarget || index > lastClose) &&
      (/[A-Za-z0-9]/.test(character) || character.codePointAt(0)! > 0x7f),
  );
}

/** Whether `needle` occurs in `haystack` in order, not necessarily side by side. */
export function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let found = 0;
  for (const character of haystack) {
    if (found < needle.length && character === needle[found]) found++;
  }
  return found === needle.length;
}
