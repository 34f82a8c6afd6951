/**
 * One speaker's turns: `?speaker=<name>` (their key, or their name in
 * either language) hides every other speaker's turn, and a note above the
 * turns says so, with a link back to them all.
 * A turn the address names by its permalink is shown whoever speaks it: a
 * link to a turn never lands on nothing. An unknown label hides nothing,
 * and the note says there is no such speaker. Without script every turn
 * shows, which is the whole transcript.
 */
import { aidStrings, fill } from '../../lib/strings.ts';
import { sayNode } from '../say.ts';
import { findSpeaker, pageSpeakers, speakerKeyOf } from '../speakers.ts';
import { allTurns } from './page.ts';

/** The turn the address names, shown whoever speaks it. */
function target(): Element | null {
  try {
    return document.getElementById(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
}

function note(...content: (Node | string)[]): void {
  const paragraph = document.createElement('p');
  paragraph.className = 'speaker-note';
  paragraph.append(...content);
  document.querySelector('transcript-turns')?.before(paragraph);
}

/** Shows the turns of the speaker `wanted` names alone; `allHref` is the page showing every speaker's. */
export function showOnly(wanted: string, allHref: string): void {
  const turns = allTurns();
  const speakers = pageSpeakers();
  const found = findSpeaker(wanted);
  const theirs = new Set(
    found ? turns.filter((turn) => speakerKeyOf(turn, speakers) === found.key) : [],
  );
  if (!found || theirs.size === 0) {
    note(sayNode(fill(aidStrings.noSuchSpeaker, { speaker: wanted })));
    return;
  }
  const speaker = found.name;
  const named = target();
  for (const turn of turns) turn.hidden = !theirs.has(turn) && turn !== named;
  const all = document.createElement('a');
  all.href = allHref;
  all.append(sayNode(aidStrings.showAll));
  note(
    sayNode(fill(aidStrings.onlySpeaker, { speaker, shown: theirs.size, count: turns.length })),
    ' · ',
    all,
  );
  for (const name of document.querySelectorAll<HTMLElement>('.speaker-list [data-key]')) {
    if (name.dataset.key === found.key)
      name.querySelector('a')?.setAttribute('aria-current', 'true');
  }
  // The turns above the one the address names have gone: it is brought back into view.
  if (named?.matches('.turn')) named.scrollIntoView({ block: 'start' });
  window.addEventListener('hashchange', () => {
    const turn = target();
    if (turn instanceof HTMLElement && turn.matches('.turn') && turn.hidden) {
      turn.hidden = false;
      turn.scrollIntoView({ block: 'start' });
    }
  });
}
