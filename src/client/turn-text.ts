/**
 * A turn's text as the page shows it, for the code that reads it (the
 * page's search, the landing's highlights) and the reading aids that change
 * how it looks (src/client/reading-aids/). A block's text is its
 * paragraphs a line apart, as the parser stores it (`text`), read from its
 * text nodes without the pinyin over them (`<rt>`); while the Chinese is
 * shown in Traditional characters, it is still the Simplified text as
 * written, kept when the aid first changed it.
 */
import type { Language } from '../lib/transcript/language.ts';

/**
 * A turn's text in each language: the element holding it alone. By `:lang()`, since the
 * Chinese one is `zh-Hans`, or `zh-Hant` while shown in Traditional characters.
 */
export const TEXT_SELECTOR: Record<Language, string> = {
  zh: '.turn-text > :lang(zh)',
  en: '.turn-text > :lang(en)',
};

/** A block's paragraphs; a block without `<p>` is its own one paragraph. */
export function paragraphsOf(block: Element): Element[] {
  const paragraphs = [...block.children];
  return paragraphs.length > 0 ? paragraphs : [block];
}

/** A paragraph's text nodes in order, those of its pinyin left out. */
export function textNodes(paragraph: Element): Text[] {
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('rt') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

const paragraphText = (paragraph: Element) =>
  textNodes(paragraph)
    .map((node) => node.data)
    .join('');

/** What a block shows now: its paragraphs a line apart. */
export function shownText(block: Element): string {
  return paragraphsOf(block).map(paragraphText).join('\n');
}

const written = new WeakMap<Element, string>();

/** Keeps a block's text as written, before an aid first changes its characters. */
export function keepWritten(block: Element): void {
  if (!written.has(block)) written.set(block, shownText(block));
}

/** A block's text as written, whatever the aids show of it. */
export function writtenText(block: Element): string {
  return written.get(block) ?? shownText(block);
}

/**
 * Puts `text` in a block's text nodes, position for position: the same
 * nodes, each holding as many characters as before, so the markup and
 * anything marked in it stay as they were. False, and nothing changed, when
 * `text` is not as long as the block's.
 */
export function replaceText(block: Element, text: string): boolean {
  if (text.length !== shownText(block).length) return false;
  let offset = 0;
  for (const paragraph of paragraphsOf(block)) {
    for (const node of textNodes(paragraph)) {
      const next = text.slice(offset, offset + node.data.length);
      if (next !== node.data) node.data = next;
      offset += next.length;
    }
    offset++;
  }
  return true;
}
