/**
 * Partner paragraphs. In Both mode, the paragraph pointed at, tapped, or
 * holding the focus (a link in it, say), is marked together with its
 * partner, the paragraph in the same place in the other language. Only in a
 * turn whose paragraphs pair (one the build has not marked `uneven`):
 * elsewhere the places do not say which is which. Those turns already read
 * in rows (reader.css), partners side by side or one after the other; the
 * mark, a quiet one, says which row the reader is at, which helps in a long
 * one.
 * Paragraphs are not made focusable, which would add a stop to the Tab
 * order for every one of them.
 *
 * A touch marks by its tap (the click that follows it), not as it lands:
 * the touch that starts a scroll marks nothing, and the mark stays when the
 * finger lifts, until the next tap.
 */
// The marks' styles come with the aids' shared module.
import './page.ts';

const MARK = 'data-partner';
let marked: Element[] = [];

/** The paragraph `paragraph` pairs with in the turn's other language, if the turn's paragraphs pair. */
function partnerOf(paragraph: Element): Element | undefined {
  const block = paragraph.parentElement;
  const text = block?.parentElement;
  if (!block || !text?.matches('.turn-text:not(.uneven)')) return undefined;
  const other = [...text.children].find((child) => child !== block);
  return other?.children[[...block.children].indexOf(paragraph)];
}

function mark(pair: Element[]): void {
  for (const element of marked) element.removeAttribute(MARK);
  marked = pair;
  for (const element of marked) element.setAttribute(MARK, '');
}

/** Marks the pair of the paragraph `target` is in, or none. */
function markAt(target: EventTarget | null): void {
  const paragraph = (target as Element | null)?.closest?.('.turn-text p');
  if (paragraph && marked[0] === paragraph) return;
  const partner =
    paragraph && document.documentElement.dataset.lang === 'both' && partnerOf(paragraph);
  mark(paragraph && partner ? [paragraph, partner] : []);
}

const isTouch = (event: Event) => (event as PointerEvent).pointerType === 'touch';

/** A pointer over, a focus or a click: where it is, unless a touch is landing. */
function follow(event: Event): void {
  if (event.type === 'pointerover' && isTouch(event)) return;
  markAt(event.target);
}

/** Follows the pointer, taps and the focus from now on, from `first`, the event that started it. */
export function start(first: Event): void {
  for (const type of ['pointerover', 'focusin', 'click']) document.addEventListener(type, follow);
  // A mouse leaving the window leaves every paragraph; a finger lifted leaves the mark.
  document.addEventListener('pointerout', (event) => {
    if (!event.relatedTarget && !isTouch(event)) mark([]);
  });
  // A tap marks where it was; the pointer or the focus may have moved on while this module loaded.
  if (first.type === 'click') follow(first);
  else markAt(document.querySelector('.turn-text p:hover') ?? document.activeElement);
}
