/**
 * What a turn's buttons (Turn.astro) do, once the reader's actions have
 * loaded: the switch shows the turn in the other language, and a link's
 * copy, begun within the click by the page's first script (./reader.ts
 * says why), is said to have worked or not, for the turn's "Copy link" and
 * the range bar's alike.
 */
import { turnStrings } from '../lib/strings.ts';
import { sayAloud } from './say.ts';

/** A turn's permalink, `#turn-N` (Turn.astro), within the turn or the page: its header's first link. */
export const PERMALINK = '.turn>header>a:first-child';

/** A timed turn's time, the link after the speaker's name to the recording at that time (Turn.astro). */
export const TIME_LINK = '.turn h2+a';

/** A turn's switches to the other language: its only buttons with a pressed state. */
export const FLIP = '.turn > header > [aria-pressed]';

/** Shows `turn` alone in the other language; again, it returns. */
export function flip(turn: Element): void {
  const flipped = turn.toggleAttribute('data-flipped');
  for (const flip of turn.querySelectorAll(FLIP)) {
    flip.setAttribute('aria-pressed', String(flipped));
  }
}

/** Every turn back to the page's language, as a page-wide choice leaves them. */
export function resetFlips(): void {
  for (const turn of document.querySelectorAll('.turn[data-flipped]')) flip(turn);
}

/**
 * Says how the copy `button` began went: a tick on the button for a
 * moment when the link is on the clipboard, and the live region's words
 * either way. A turn's copy shows the turn's permalink in the address bar.
 */
export async function showCopied(button: Element, copying: Promise<void>): Promise<void> {
  const turn = button.closest('.turn');
  if (turn) {
    const url = new URL(location.href);
    // The address bar shows the permalink, /<slug>/#turn-N, however this page was reached.
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.hash = turn.id;
    history.replaceState(history.state, '', url);
  }
  let copied = true;
  try {
    await copying;
  } catch {
    copied = false;
  }
  const announcer = document.querySelector('[data-announcer]');
  if (announcer)
    announcer.textContent = sayAloud(copied ? turnStrings.copied : turnStrings.copyFailed);
  if (!copied) return;
  button.setAttribute('data-copied', '');
  setTimeout(() => button.removeAttribute('data-copied'), 2000);
}
