/**
 * Reads every paragraph of every block once, into what the later stages
 * need: the text a reader sees (which decides the language), the HTML the
 * page shows, and the links the checks look at. A paragraph that cannot be
 * read becomes a problem at its place in the file.
 */
import type { SpeakerBlock } from './blocks.ts';
import { hasControl } from './characters.ts';
import { columnAt } from './column.ts';
import { readInline, SYNTAX_LIMIT, syntaxCount, type InlineLink } from './inline.ts';
import type { LocatedMessage } from './problem.ts';

export interface ReadBlock extends SpeakerBlock {
  /** What a reader sees of the paragraphs, one line each. */
  text: string;
  /** The paragraphs rendered, one `<p>` each. */
  html: string;
  /** Each paragraph's links, by paragraph. */
  links: InlineLink[][];
  /** Whether a paragraph could not be read, its source standing in for its text. */
  unread: boolean;
}

export interface ReadBlocks {
  blocks: ReadBlock[];
  problems: LocatedMessage[];
  /** The file's syntax budget ran out: `blocks` holds only those read before. */
  spent: boolean;
}

/**
 * The most Markdown syntax characters (see inline.ts) a file's paragraphs
 * may hold together. Each paragraph may hold 1,000, and its parse costs the
 * square of its count: without a budget for the whole file, a file of
 * thousands of such lines would take minutes. The longest real transcript
 * holds about 1,000 in all, labels included.
 */
export const FILE_SYNTAX_LIMIT = 20_000;

export function readBlocks(blocks: readonly SpeakerBlock[]): ReadBlocks {
  const problems: LocatedMessage[] = [];
  const read: ReadBlock[] = [];
  let syntax = 0;
  for (const block of blocks) {
    const texts: string[] = [];
    const html: string[] = [];
    const links: InlineLink[][] = [];
    let unread = false;
    for (const [index, paragraph] of block.paragraphs.entries()) {
      const start = block.starts[index]!;
      // A paragraph over its own limit is refused unparsed, with its column (inline.ts).
      const count = syntaxCount(paragraph);
      if (count <= SYNTAX_LIMIT) syntax += count;
      if (syntax > FILE_SYNTAX_LIMIT) {
        // Told once, where the budget runs out. Nothing after it is read, nor paired:
        // the turns of the rest are unknown, and guessing them would bury this message.
        problems.push({
          line: start.line,
          message: `the paragraphs of this file hold more than ${FILE_SYNTAX_LIMIT.toLocaleString('en-US')} of the characters \`*\`, \`_\`, \`\` \` \`\`, \`[\`, \`]\` and \`\\\`, which Markdown reads as syntax, and this one passes that number: write fewer of them, or split the transcript into several files`,
        });
        return { blocks: read, problems, spent: true };
      }
      if (hasControl(paragraph)) {
        // Reported line by line (characters.ts); Markdown would read a stray CR as a line end.
        texts.push(paragraph);
        links.push([]);
        unread = true;
        continue;
      }
      const result = readInline(paragraph);
      if (result.ok) {
        texts.push(result.paragraph.text);
        html.push(result.paragraph.html);
        links.push(result.paragraph.links);
        continue;
      }
      problems.push({
        line: start.line,
        column: start.column + columnAt(paragraph, result.offset) - 1,
        message: result.message,
      });
      // The source stands in for the text, so the block's language, and
      // with it its partner, is still found: one problem, not a cascade.
      texts.push(paragraph);
      links.push([]);
      unread = true;
    }
    read.push({ ...block, text: texts.join('\n'), html: html.join('\n'), links, unread });
  }
  return { blocks: read, problems, spent: false };
}
