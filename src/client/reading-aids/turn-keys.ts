/**
 * `j` and `k`: the next and the previous turn. The turn is focused, so the
 * keyboard goes on from there (Tab reaches its permalink and buttons), and
 * brought into view with its top below the sticky header (the page's
 * `scroll-padding-top`, which permalinks use too). Turns hidden by the one
 * speaker view are skipped.
 */
import { aidStrings, fill } from '../../lib/strings.ts';
import { sayAloud } from '../say.ts';
import { turnNumber } from '../../lib/turn-id.ts';
import { allTurns, announce } from './page.ts';
import { nameInTurn } from '../speakers.ts';

/** Where a turn brought into view starts, below the sticky header: the turn starting there is the one being read. */
const readingLine = () =>
  parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;

/**
 * The turn `step` turns away from the reader's place: from the focused turn
 * while it is in view; else from the turn at the reading line, so `j`
 * goes to the first turn starting below it and `k` to the last starting
 * above it.
 */
function turnAt(turns: HTMLElement[], step: 1 | -1): HTMLElement | undefined {
  const focused = document.activeElement?.closest<HTMLElement>('.turn');
  const index = focused ? turns.indexOf(focused) : -1;
  if (focused && index >= 0) {
    const box = focused.getBoundingClientRect();
    if (box.bottom > readingLine() && box.top < innerHeight) return turns[index + step];
  }
  const line = readingLine();
  const tops = turns.map((turn) => turn.getBoundingClientRect().top);
  // A few pixels either way: a turn brought into view may land a fraction off the line.
  if (step === 1) return turns[tops.findIndex((top) => top > line + 4)];
  return turns[tops.findLastIndex((top) => top < line - 4)];
}

export function move(step: 1 | -1): void {
  const turns = allTurns();
  const shown = turns.filter((turn) => !turn.hidden);
  const turn = turnAt(shown, step);
  if (!turn) return;
  if (!turn.hasAttribute('tabindex')) turn.tabIndex = -1;
  turn.focus({ preventScroll: true });
  turn.scrollIntoView({ block: 'start' });
  announce(
    sayAloud(
      fill(aidStrings.turnOf, {
        number: turnNumber(turn.id) ?? '',
        count: turns.length,
        speaker: nameInTurn(turn),
      }),
    ),
  );
}
