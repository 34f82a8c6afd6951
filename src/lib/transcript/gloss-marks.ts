/**
 * Marks the glossary's English terms in an English paragraph's HTML tree:
 * each occurrence becomes `<span class="gloss" title="可纠正性">corrigibility</span>`,
 * its text untouched, so the page offers the Chinese term to whoever points
 * at it (src/client/gloss-tips.ts adds focus and a tooltip). Never inside a
 * link (a mark there would sit on a control of its own), inline code (its
 * text is literal) or a stage direction (not what was said). The markup
 * repeats on every occurrence, so it is one short class and one attribute.
 */
import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { findTerms, type TermMatcher } from './gloss-terms.ts';

export const GLOSS_CLASS = 'gloss';

export function markGlosses(tree: Root, matcher: TermMatcher): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'element') {
      const skipped = node.tagName === 'a' || node.tagName === 'code';
      const className = node.properties.className;
      return skipped || (Array.isArray(className) && className.length > 0) ? SKIP : undefined;
    }
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    const pieces = markText(node, matcher);
    if (!pieces) return undefined;
    parent.children.splice(index, 1, ...pieces);
    return [SKIP, index + pieces.length];
  });
}

function markText(node: Text, matcher: TermMatcher): ElementContent[] | undefined {
  const found = findTerms(node.value, matcher);
  if (found.length === 0) return undefined;
  const pieces: ElementContent[] = [];
  let last = 0;
  for (const { index, text, zh } of found) {
    if (index > last) pieces.push({ type: 'text', value: node.value.slice(last, index) });
    pieces.push({
      type: 'element',
      tagName: 'span',
      properties: { className: [GLOSS_CLASS], title: zh },
      children: [{ type: 'text', value: text }],
    });
    last = index + text.length;
  }
  if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
  return pieces;
}
