/**
 * remark plugin: marks bracketed stage directions such as `[laughter]` or
 * `[笑声]` as their own phrasing node, brackets kept in the text, so the
 * page can set them apart from what was said.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

export interface StageDirection extends Parent {
  type: 'stageDirection';
  children: [Text];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    stageDirection: StageDirection;
  }
  interface RootContentMap {
    stageDirection: StageDirection;
  }
}

const STAGE_DIRECTION = /\[[^[\]\n]+\]/g;

export default function remarkStageDirections() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const pieces = splitStageDirections(node.value);
      if (pieces.length === 1 && pieces[0]!.type === 'text') return;
      parent.children.splice(index, 1, ...(pieces as never[]));
      return [SKIP, index + pieces.length];
    });
  };
}

/** Whether a text is nothing but stage directions, such as `[笑声]` or `[laughter] [applause]`. */
export function isOnlyStageDirections(text: string): boolean {
  return text.trim() !== '' && text.replace(STAGE_DIRECTION, '').trim() === '';
}

function splitStageDirections(value: string): PhrasingContent[] {
  const pieces: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(STAGE_DIRECTION)) {
    if (match.index > last) pieces.push({ type: 'text', value: value.slice(last, match.index) });
    pieces.push({
      type: 'stageDirection',
      children: [{ type: 'text', value: match[0] }],
      data: { hName: 'span', hProperties: { className: ['stage-direction'] } },
    });
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push({ type: 'text', value: value.slice(last) });
  return pieces;
}
