/**
 * Ranges of turns. An address `#turn-A-B` opens at turn A, below the
 * sticky header, and marks turns A to B for as long as it is the address
 * (no element has that id, so `:target` cannot). A shift-click on a turn's
 * number, Shift+Enter on it, or a long press on it on a touch screen
 * selects the turns from the last one chosen (by its permalink, or the
 * first of a range) to that one: the address becomes the range's. Either
 * way a small bar at the foot of the window names the range ("Turns 3–5")
 * and offers to copy its address or clear it. The bar sits in the page's
 * order right after the turn last chosen (the range's last, for an
 * address), so the keyboard goes on from there.
 */
import { fill, turnStrings } from '../../lib/strings.ts';
import { turnId, turnNumber, turnRange, turnRangeId, type TurnRange } from '../../lib/turn-id.ts';
import { sayAloud, sayNode } from '../say.ts';
import { allTurns, announce } from './page.ts';
import { PERMALINK } from '../transcript-turns.ts';

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

/** "Turns 3–5", or "Turn 3": what a range is called, in both languages. */
const rangeName = (range: TurnRange) =>
  fill(range.first === range.last ? turnStrings.oneTurn : turnStrings.turns, { ...range });

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
  const last = document.getElementById(turnId(range.last));
  if (last) showBar(last, range, false);
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
  const selected = range.first === range.last ? turnStrings.oneSelected : turnStrings.selected;
  announce(sayAloud(fill(selected, { ...range })));
}

function showBar(after: Element, range: TurnRange, focus: boolean): void {
  bar ??= buildBar();
  bar.querySelector('#range-name')!.replaceChildren(sayNode(rangeName(range)));
  const copy = bar.querySelector<HTMLButtonElement>('[data-copy]')!;
  // The page's first script copies what this names (src/client/reader.ts).
  copy.dataset.copy = `#${turnRangeId(range)}`;
  after.after(bar);
  if (focus) copy.focus();
}

function buildBar(): HTMLElement {
  const made = document.createElement('div');
  made.className = 'range-bar';
  made.setAttribute('role', 'group');
  made.setAttribute('aria-labelledby', 'range-name');
  const name = document.createElement('span');
  name.id = 'range-name';
  const copy = document.createElement('button');
  copy.type = 'button';
  // Its words are reader.css's, as a turn's Copy link's are.
  copy.dataset.copy = '';
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.append(sayNode(turnStrings.clear));
  clear.addEventListener('click', clearSelection);
  made.append(name, copy, clear);
  return made;
}

function clearSelection(): void {
  const last = bar?.previousElementSibling;
  mark(undefined);
  bar?.remove();
  history.replaceState(history.state, '', location.pathname + location.search);
  // The bar held the focus: it goes back to the number of the turn chosen last.
  last?.querySelector<HTMLElement>(PERMALINK)?.focus();
}
