/**
 * Landing on a turn from a search result: the turn shows the language the
 * match was found in, and the matched words are highlighted until the next
 * search or Escape, with their counterparts in the turn's other language
 * (src/lib/search/counterparts.ts) highlighted more quietly
 * (search-panel.css). The turn itself is marked by `:target`, as any
 * permalink is.
 */
import { counterpartRanges, type GlossPair } from '../../lib/search/counterparts.ts';
import { readLanding, withoutLanding } from '../../lib/search/landing-address.ts';
import { matchRanges, type Range } from '../../lib/search/matches.ts';
import { GLOSS_CLASS } from '../../lib/transcript/gloss-marks.ts';
import { adoptPanelStyle } from './panel-style.ts';
import { flip } from '../transcript-turns.ts';
import { isLanguage, otherLanguage, type Language } from '../../lib/transcript/language.ts';
import { paragraphsOf, TEXT_SELECTOR, textNodes, writtenText } from '../turn-text.ts';

const HIGHLIGHT = 'data-search-highlight';

/** Shows the turn in `language` when the page's mode hides it. */
function showLanguage(turn: Element, language: Language): void {
  const mode = document.documentElement.dataset.lang;
  if (!isLanguage(mode)) return;
  const shown = turn.hasAttribute('data-flipped') ? otherLanguage(mode) : mode;
  if (shown !== language) flip(turn);
}

/** What a highlight marks: the words found, or their counterparts in the turn's other language. */
type Kind = 'found' | 'counterpart';

/** Wraps characters `start` to `end` of a text node in a highlight. */
function highlight(node: Text, start: number, end: number, kind: Kind): void {
  const matched = node.splitText(start);
  matched.splitText(end - start);
  const mark = document.createElement('mark');
  mark.setAttribute(HIGHLIGHT, kind);
  matched.replaceWith(mark);
  mark.append(matched);
}

/**
 * Highlights ranges of a block's text as written (src/client/turn-text.ts),
 * which is what the search read, at the same places in the text nodes
 * shown, whichever reading aids are on; a range across inline markup (or
 * pinyin) is highlighted in each text node it covers.
 */
function highlightRanges(block: Element, ranges: readonly Range[], kind: Kind): void {
  let offset = 0;
  for (const paragraph of paragraphsOf(block)) {
    const nodes = textNodes(paragraph).map((node) => ({ node, start: 0, end: 0 }));
    let end = offset;
    for (const span of nodes) {
      span.start = end;
      end += span.node.data.length;
      span.end = end;
    }
    // Right to left, so the places of the text before stay valid as the nodes are split.
    for (const { start: from, end: to } of [...ranges].reverse()) {
      for (const span of [...nodes].reverse()) {
        if (span.end <= from || span.start >= to) continue;
        highlight(
          span.node,
          Math.max(from, span.start) - span.start,
          Math.min(to, span.end) - span.start,
          kind,
        );
      }
    }
    offset = end + 1;
  }
}

/** The glossary's terms as the page marks them in a turn's English (src/lib/transcript/gloss-marks.ts). */
function glossPairs(turn: Element): GlossPair[] {
  return [...turn.querySelectorAll<HTMLElement>(`${TEXT_SELECTOR.en} .${GLOSS_CLASS}`)].map(
    // The mark's title is its Chinese term; the tooltip's code moves it to `data-term` once it has
    // shown it (gloss-tips.ts).
    (mark) => ({ zh: mark.dataset.term ?? mark.title, en: mark.textContent ?? '' }),
  );
}

/** Highlights what was found in a turn and its counterparts in the other language; how many there are. */
function highlightTurn(turn: Element, language: Language, marks: readonly string[]): number {
  // The turn's text, not its header: the header's buttons carry a `lang` of their own.
  const block = turn.querySelector(TEXT_SELECTOR[language]);
  const otherBlock = turn.querySelector(TEXT_SELECTOR[otherLanguage(language)]);
  if (!block || marks.length === 0) return 0;
  const text = writtenText(block);
  const found = matchRanges(text, marks);
  const counterparts = otherBlock
    ? counterpartRanges({ language, text, marks }, writtenText(otherBlock), glossPairs(turn))
    : [];
  highlightRanges(block, found, 'found');
  if (otherBlock) highlightRanges(otherBlock, counterparts, 'counterpart');
  return found.length + counterparts.length;
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
  showLanguage(turn, language);
  if (highlightTurn(turn, language, marks) > 0) {
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
