/**
 * Reads every paragraph of every block once, into what the later stages
 * need: the text a reader sees (which decides the language), the HTML the
 * page shows, and the links the checks look at. A paragraph that cannot be
 * read becomes a problem at its place in the file.
 */
import type { SpeakerBlock } from './blocks.ts';
import { columnAt } from './column.ts';
import { readInline, type InlineLink } from './inline.ts';
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
}

export function readBlocks(blocks: readonly SpeakerBlock[]): ReadBlocks {
  const problems: LocatedMessage[] = [];
  const read = blocks.map((block): ReadBlock => {
    const texts: string[] = [];
    const html: string[] = [];
    const links: InlineLink[][] = [];
    let unread = false;
    block.paragraphs.forEach((paragraph, index) => {
      const result = readInline(paragraph);
      if (result.ok) {
        texts.push(result.paragraph.text);
        html.push(result.paragraph.html);
        links.push(result.paragraph.links);
        return;
      }
      const start = block.starts[index]!;
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
    });
    return { ...block, text: texts.join('\n'), html: html.join('\n'), links, unread };
  });
  return { blocks: read, problems };
}
