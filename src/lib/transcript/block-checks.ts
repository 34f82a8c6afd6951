/**
 * Problems a speaker block has on its own, whatever its partner: a label
 * without a name, and links that would run code instead of going somewhere,
 * each at the line and column where the link starts.
 */
import type { Link } from 'mdast';
import { visit } from 'unist-util-visit';
import type { SpeakerBlock, TextStart } from './blocks.ts';
import { parseInline } from './inline.ts';
import { columnAt } from './column.ts';
import type { LocatedMessage } from './problem.ts';
import { quote } from './quote.ts';

const SCHEME = /^([a-z][a-z\d+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

export function checkBlocks(blocks: readonly SpeakerBlock[]): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  for (const block of blocks) {
    if (!block.speaker) {
      problems.push({
        line: block.line,
        message:
          'this speaker label has no name: write who speaks between `**` and the colon, e.g. `**Amanda:**`',
      });
    }
    block.paragraphs.forEach((paragraph, index) => {
      for (const { url, offset } of linkTargets(paragraph)) {
        const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
        if (scheme && !SAFE_SCHEMES.has(scheme)) {
          problems.push({
            ...placeIn(paragraph, offset, block.starts[index]!),
            message: `the link to \`${quote(url)}\` is not allowed: a link may go to an http, https or mailto address, or to a page of this site`,
          });
        }
      }
    });
  }
  return problems;
}

function linkTargets(markdown: string): { url: string; offset: number }[] {
  const links: { url: string; offset: number }[] = [];
  visit(parseInline(markdown), 'link', (node: Link) => {
    links.push({ url: node.url, offset: node.position?.start.offset ?? 0 });
  });
  return links;
}

/** The line and column in the file of an offset into a paragraph. */
function placeIn(paragraph: string, offset: number, start: TextStart) {
  return { line: start.line, column: start.column + columnAt(paragraph, offset) - 1 };
}
