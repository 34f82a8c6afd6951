/**
 * Problems a speaker block has on its own, whatever its partner: a label
 * without a name, and links that would run code instead of going somewhere.
 */
import type { Link } from 'mdast';
import { visit } from 'unist-util-visit';
import type { SpeakerBlock } from './blocks.ts';
import { parseInline } from './inline.ts';
import type { LocatedMessage } from './problem.ts';

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
    for (const url of block.paragraphs.flatMap(linkTargets)) {
      const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
      if (scheme && !SAFE_SCHEMES.has(scheme)) {
        problems.push({
          line: block.line,
          message: `the link to \`${url}\` is not allowed: a link may go to an http, https or mailto address, or to a page of this site`,
        });
      }
    }
  }
  return problems;
}

function linkTargets(markdown: string): string[] {
  const urls: string[] = [];
  visit(parseInline(markdown), 'link', (node: Link) => {
    urls.push(node.url);
  });
  return urls;
}
