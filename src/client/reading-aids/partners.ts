/**
 * Partner paragraphs. In Both mode, the paragraph pointed at, or holding
 * the focus (a link in it, say), is marked together with the paragraph in
 * the same position in the other language, so a reader keeps their place
 * across the columns. Only where both blocks of the turn have as many
 * paragraphs: elsewhere the positions do not say which is which.
 * Paragraphs are not made focusable, which would add a stop to the Tab
 * order for every one of them.
 */
// The marks' styles come with the aids' shared module.
import './page.ts';

const MARK = 'data-partner';
let marked: Element[] = [];

const paragraphsOf = (block: Element | null | undefined) =>
  block ? [...block.children].filter((child) => child.localName === 'p') : [];

/** The paragraph `paragraph` pairs with in the turn's other language, if the blocks match. */
function partnerOf(paragraph: Element): Element | undefined {
  const block = paragraph.parentElement;
  const text = block?.parentElement;
  if (!block || !text?.matches('.turn-text')) return undefined;
  const other = [...text.children].find((child) => child !== block);
  const mine = paragraphsOf(block);
  const theirs = paragraphsOf(other);
  return mine.length === theirs.length ? theirs[mine.indexOf(paragraph)] : undefined;
}

function mark(pair: Element[]): void {
  for (const element of marked) element.removeAttribute(MARK);
  marked = pair;
  for (const element of marked) element.setAttribute(MARK, '');
}

/** Marks the pair of the paragraph the event is in, or none. */
function point(target: EventTarget | null): void {
  const paragraph = (target as Element | null)?.closest?.('.turn-text p');
  if (paragraph && marked[0] === paragraph) return;
  const partner =
    paragraph && document.documentElement.dataset.lang === 'both' && partnerOf(paragraph);
  mark(paragraph && partner ? [paragraph, partner] : []);
}

/** Follows the pointer and the focus from now on. */
export function start(): void {
  document.addEventListener('pointerover', (event) => point(event.target));
  document.addEventListener('focusin', (event) => point(event.target));
  // Leaving the window leaves every paragraph.
  document.addEventListener('pointerout', (event) => {
    if (!event.relatedTarget) mark([]);
  });
  // Where the pointer or the focus is now: either may have moved on while this module loaded.
  point(document.querySelector('.turn-text p:hover') ?? document.activeElement);
}
