/**
 * Problems a speaker block has on its own, whatever its partner: a label
 * without a name or with a time that is none, and links that would run code instead of going somewhere,
 * each at the line and column where the link starts.
 */
import type { TextStart } from './blocks.ts';
import { columnAt } from './column.ts';
import type { LocatedMessage } from './problem.ts';
import { quote } from './quote.ts';
import type { ReadBlock } from './read-blocks.ts';
import { malformedTime } from './times.ts';

const SCHEME = /^([a-z][a-z\d+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

export function checkBlocks(blocks: readonly ReadBlock[]): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  for (const block of blocks) {
    if (!block.speaker) {
      problems.push({
        line: block.line,
        message:
          'this speaker label has no name: write who speaks between `**` and the colon, e.g. `**Amanda:**`',
      });
    }
    const time = malformedTime(block);
    if (time) problems.push(time);
    block.paragraphs.forEach((paragraph, index) => {
      const place = placesIn(paragraph, block.starts[index]!);
      for (const { url, offset } of block.links[index]!) {
        const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
        if (scheme && !SAFE_SCHEMES.has(scheme)) {
          problems.push({
            ...place(offset),
            message: `the link to \`${quote(url)}\` is not allowed: a link may go to an http, https or mailto address, or to a page of this site`,
          });
        }
      }
    });
  }
  return problems;
}

/**
 * The line and column in the file of offsets into a paragraph, asked in
 * ascending order: each call counts only the characters since the last, so
 * a line of thousands of links is read once, not once per link.
 */
function placesIn(paragraph: string, start: TextStart) {
  let index = 0;
  let column = start.column;
  return (offset: number) => {
    column += columnAt(paragraph.slice(index, offset), offset - index) - 1;
    index = offset;
    return { line: start.line, column };
  };
}
