/**
 * Ranges of turns. An address `#turn-A-B` opens at turn A, below the
 * sticky header, and marks turns A to B for as long as it is the address
 * (no element has that id, so `:target` cannot). A shift-click on a turn's
 * number, or Shift+Enter on it, selects the turns from the last one chosen
 * (by its permalink, or the first of a range) to that one: the address
 * becomes the range's, and a small bar offers to copy it. The bar sits in
 * the page's order right after the turn last chosen, so the keyboard goes
 * on from there.
 */
import { aidStrings, fill, strings } from '../../lib/strings.ts';
import { sayAloud, sayAttribute, sayNode } from '../say.ts';
import { turnId, turnNumber, turnRange, turnRangeId, type TurnRange } from '../../lib/turn-id.ts';
import { allTurns, announce } from './page.ts';
import { PERMALINK, readerAddress } from '../transcript-turns.ts';

const MARK = 'data-in-range';

/** What the address names: a turn, a range of turns, or neither. */
function addressed(): { turn?: number; range?: TurnRange } {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return {};
  }
  return { turn: turnNumber(id), range: turnRange(id, allTurns().length) };
}

let marked: TurnRange | undefined;
const opened = addressed();
/** The turn a selection grows from. */
let anchor: number | undefined = opened.turn ?? opened.range?.first;
let bar: HTMLElement | undefined;

function mark(range: TurnRange | undefined): void {
  marked = range;
  for (const turn of allTurns()) {
    const number = turnNumber(turn.id) ?? 0;
    turn.toggleAttribute(
      MARK,
      range !== undefined && number >= range.first && number <= range.last,
    );
  }
}

/** Marks what the address names, and opens at the start of a range the reader did not just select. */
export function follow(): void {
  const { turn, range } = addressed();
  if (!range) {
    mark(undefined);
    bar?.remove();
    if (turn !== undefined) anchor = turn;
    return;
  }
  if (marked && range.first === marked.first && range.last === marked.last) return;
  anchor = range.first;
  mark(range);
  bar?.remove();
  document.getElementById(turnId(range.first))?.scrollIntoView({ block: 'start' });
}

window.addEventListener('hashchange', follow);

/** Selects the turns from the anchor to `turn`. */
export function selectTo(turn: Element, byKeyboard: boolean): void {
  const number = turnNumber(turn.id);
  if (number === undefined) return;
  anchor ??= number;
  const range = { first: Math.min(anchor, number), last: Math.max(anchor, number) };
  mark(range);
  // The address is the selection's, but no step of its own in the history.
  history.replaceState(history.state, '', `#${turnRangeId(range)}`);
  showBar(turn, range, byKeyboard);
  announce(
    sayAloud(
      fill(range.first === range.last ? aidStrings.oneSelected : aidStrings.rangeSelected, {
        ...range,
      }),
    ),
  );
}

function showBar(after: Element, range: TurnRange, focus: boolean): void {
  bar ??= buildBar();
  const copy = bar.querySelector<HTMLButtonElement>('[data-copy-range]');
  if (copy) {
    copy.replaceChildren(
      sayNode(
        fill(range.first === range.last ? aidStrings.copyOne : aidStrings.copyRange, { ...range }),
      ),
    );
  }
  after.after(bar);
  if (focus) copy?.focus();
}

function buildBar(): HTMLElement {
  const made = document.createElement('div');
  made.className = 'range-bar';
  made.setAttribute('role', 'group');
  sayAttribute(made, 'aria-label', aidStrings.selectedTurns);
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.dataset.copyRange = '';
  copy.addEventListener('click', () => void copyRange());
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.append(sayNode(aidStrings.clearRange));
  clear.addEventListener('click', clearSelection);
  made.append(copy, clear);
  return made;
}

/**
 * Copies the reader's address of the range, whatever query the page was opened with: under the
 * site URL the turn list names, or this host, as a turn's Copy link is (readerAddress()).
 */
async function copyRange(): Promise<void> {
  if (!marked) return;
  const url = readerAddress();
  url.hash = turnRangeId(marked);
  try {
    await navigator.clipboard.writeText(url.href);
  } catch {
    announce(sayAloud(strings.copyFailed));
    return;
  }
  announce(sayAloud(strings.copied));
  // Seen as well as heard, as a turn's own Copy link is.
  bar?.setAttribute('data-copied', '');
  setTimeout(() => bar?.removeAttribute('data-copied'), 2000);
}

function clearSelection(): void {
  const last = bar?.previousElementSibling;
  mark(undefined);
  bar?.remove();
  history.replaceState(history.state, '', location.pathname + location.search);
  // The bar held the focus: it goes back to the number of the turn chosen last.
  last?.querySelector<HTMLElement>(PERMALINK)?.focus();
}
