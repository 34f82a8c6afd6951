/**
 * Landing on a turn from a search result: the turn shows the language the
 * match was found in, and the matched words are highlighted until the next
 * search or Escape. The turn itself is marked by `:target`, as any
 * permalink is.
 */
import { readLanding, withoutLanding } from '../../lib/search/landing-address.ts';
import { adoptPanelStyle } from './panel-style.ts';
import { matchRanges } from '../../lib/search/matches.ts';
import {
  isLanguage,
  languageTags,
  otherLanguage,
  type Language,
} from '../../lib/transcript/language.ts';

const HIGHLIGHT = 'data-search-highlight';

/**
 * Shows the turn in `language` when the page's mode hides it, by pressing
 * the turn's own switch, once the turn list that serves the switches is
 * running (a page opened from a result may load this script first).
 */
async function showLanguage(turn: Element, language: Language): Promise<void> {
  const mode = document.documentElement.dataset.lang;
  if (!isLanguage(mode)) return;
  const shown = turn.hasAttribute('data-flipped') ? otherLanguage(mode) : mode;
  if (shown === language) return;
  await customElements.whenDefined('transcript-turns');
  turn.querySelector<HTMLButtonElement>('button[data-flip]')?.click();
}

function highlightText(container: Element, marks: readonly string[]): number {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  let count = 0;
  for (const node of nodes) {
    // Right to left, so earlier offsets stay valid as the node is split.
    for (const { start, end } of matchRanges(node.data, marks).reverse()) {
      const matched = node.splitText(start);
      matched.splitText(end - start);
      const mark = document.createElement('mark');
      mark.setAttribute(HIGHLIGHT, '');
      matched.replaceWith(mark);
      mark.append(matched);
      count++;
    }
  }
  return count;
}

export function clearHighlights(): void {
  document.removeEventListener('keydown', onEscape);
  window.removeEventListener('hashchange', clearHighlights);
  for (const mark of document.querySelectorAll(`mark[${HIGHLIGHT}]`)) {
    const parent = mark.parentElement;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}

function onEscape(event: KeyboardEvent): void {
  if (event.key === 'Escape') clearHighlights();
}

/** Shows and highlights a turn the reader arrived at from a search. */
export async function land(
  turn: Element,
  language: Language,
  marks: readonly string[],
): Promise<void> {
  adoptPanelStyle();
  clearHighlights();
  await showLanguage(turn, language);
  // The turn's text, not its header: the header's buttons carry a `lang` of their own.
  const text = turn.querySelector(`.turn-text > [lang="${languageTags[language]}"]`);
  if (text && marks.length > 0 && highlightText(text, marks) > 0) {
    // The highlight belongs to this landing: Escape, or going to another address, ends it.
    document.addEventListener('keydown', onEscape);
    window.addEventListener('hashchange', clearHighlights);
  }
}

/** The turn an address's `#turn-N` names on this page, if there is one. */
export function turnFromHash(hash: string): Element | null {
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
  const element = id ? document.getElementById(id) : null;
  return element?.matches('.turn') ? element : null;
}

/** On a page opened from a search result: land, then tidy the address into the plain permalink. */
export async function landFromAddress(): Promise<void> {
  const url = new URL(location.href);
  const landing = readLanding(url);
  if (!landing) return;
  history.replaceState(history.state, '', withoutLanding(url));
  const turn = turnFromHash(url.hash);
  if (turn) await land(turn, landing.language, landing.marks);
}
