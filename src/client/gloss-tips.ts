/**
 * The tooltip of a glossary mark: pointing at a mark or focusing it shows
 * its Chinese term and the term's pinyin beside it, in an element of role
 * `tooltip` (in Chinese, `lang` and all, the pinyin tagged as pinyin) that
 * the mark names as its description while it shows, so a screen reader
 * says the term on focus. Pointing at the tooltip keeps it open; Escape
 * closes it (WCAG 1.4.13). Loaded on first use by ./reader-actions.ts. The
 * marks (src/lib/transcript/gloss-marks.ts) carry their Chinese term in
 * their `title` until this takes it over, so that a pointer never gets two
 * tooltips; the pinyin comes from the glossary's terms (./glossary-terms.ts),
 * fetched as the first tooltip shows, which then shows the term alone for
 * as long as the fetch takes.
 */
import { languageTags } from '../lib/transcript/language.ts';
import { PINYIN_TAG } from '../lib/reading-aids/format.ts';
import { glossaryTerms } from './glossary-terms.ts';

const tip = document.createElement('span');
tip.id = 'gloss-tip';
tip.className = 'gloss-tip';
tip.setAttribute('role', 'tooltip');
tip.lang = languageTags.zh;
tip.hidden = true;
const reading = document.createElement('span');
reading.lang = PINYIN_TAG;
// In the page's main landmark, where every part of a page belongs; main is not positioned, so the
// tooltip's place is counted from the document's top left.
(document.querySelector('main') ?? document.body).append(tip);

/** The marks' selector, given by ./reader-actions.ts. */
let markSelector = '';
let hovered: HTMLElement | undefined;
let focused: HTMLElement | undefined;
let shown: HTMLElement | undefined;

const markOf = (target: EventTarget | null) =>
  target instanceof Element ? (target.closest<HTMLElement>(markSelector) ?? undefined) : undefined;

function update(): void {
  const mark = hovered ?? focused;
  if (mark === shown) return;
  shown?.removeAttribute('aria-describedby');
  shown = mark;
  if (!mark) {
    tip.hidden = true;
    return;
  }
  if (mark.title) {
    mark.dataset.term = mark.title;
    mark.removeAttribute('title');
  }
  const zh = mark.dataset.term ?? '';
  reading.textContent = '';
  tip.replaceChildren(zh, ' ', reading);
  tip.hidden = false;
  mark.setAttribute('aria-describedby', tip.id);
  place(mark);
  void glossaryTerms().then((terms) => {
    if (shown !== mark) return;
    reading.textContent = terms.find((term) => term.zh === zh)?.pinyin.join(' ') ?? '';
    place(mark);
  });
}

/** Below the mark, within the window's width. */
function place(mark: HTMLElement): void {
  const box = mark.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${box.bottom + window.scrollY + 4}px`;
}

function onPointer(event: Event): void {
  if (tip.contains(event.target as Node)) return;
  hovered = markOf(event.target);
  update();
}

function onFocus(event: FocusEvent): void {
  focused = event.type === 'focusin' ? markOf(event.target) : undefined;
  update();
}

/** Takes over from the mark's title, starting with the event that loaded it. */
export function attach(first: Event, selector: string): void {
  markSelector = selector;
  document.addEventListener('pointerover', onPointer);
  document.addEventListener('focusin', onFocus);
  document.addEventListener('focusout', onFocus);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !shown) return;
    hovered = focused = undefined;
    update();
  });
  window.addEventListener('resize', () => shown && place(shown));
  if (first.type === 'focusin') onFocus(first as FocusEvent);
  else onPointer(first);
}
