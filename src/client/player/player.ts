/**
 * The player at work, loaded by ./start.ts on the first play or failure,
 * or with an address that may cue a time. The turn being spoken, the last
 * timed turn started by the recording's time, carries
 * `aria-current="true"` (player-at-work.css marks it) while the recording
 * plays, and while it pauses, as where it stands. With Follow 跟随
 * pressed, a turn that comes to be spoken out of view is scrolled into
 * it; the reader scrolling that turn out of view turns Follow off, and one
 * press turns it on again, back at the turn. `?t=754` or `?t=12:34` cues
 * the recording at that time and marks and shows its turn. A recording
 * that fails says so in the player's place, and the times stay links to
 * the file (./start.ts leaves their clicks alone).
 */
import { CUE_PARAM, readCue } from '../../lib/recording.ts';
import { TIME_LINK } from '../transcript-turns.ts';
import css from '../../styles/player-at-work.css?inline';
import { adoptStyle } from '../adopt-style.ts';

// Adopted as this module first runs, before it marks anything: what it marks is never drawn without its style.
adoptStyle(css);

interface TimedTurn {
  turn: HTMLElement;
  start: number;
}

function start(): void {
  // The recording, then Follow 跟随, as ./start.ts finds them.
  const media = document.querySelector<HTMLMediaElement>('.player>*')!;
  const follow = media.nextElementSibling as HTMLButtonElement;
  const player = media.parentElement!;
  // Each turn's time is its link's, `#t=754`, in the order of the recording.
  const timed: TimedTurn[] = [...document.querySelectorAll<HTMLAnchorElement>(TIME_LINK)].map(
    (link) => ({ turn: link.closest<HTMLElement>('.turn')!, start: Number(link.hash.slice(3)) }),
  );
  let current: HTMLElement | undefined;
  // Scrolling before this time (performance.now()) is the page's own, not the reader's.
  let ownScrollUntil = 0;

  const following = () => follow.ariaPressed === 'true';

  /** Where the text shows: below the site's header, above the player. */
  const inView = (turn: HTMLElement) => {
    const { top, bottom } = turn.getBoundingClientRect();
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    return bottom > header && top < player.getBoundingClientRect().top;
  };

  const show = (turn: HTMLElement) => {
    ownScrollUntil = performance.now() + 1000;
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    turn.scrollIntoView({ block: 'start', behavior: still ? 'instant' : 'smooth' });
  };

  const mark = (time: number) => {
    let spoken: HTMLElement | undefined;
    for (const { turn, start } of timed) {
      if (start > time) break;
      spoken = turn;
    }
    if (spoken === current) return;
    current?.removeAttribute('aria-current');
    current = spoken;
    if (!current) return;
    current.setAttribute('aria-current', 'true');
    if (following() && !inView(current)) show(current);
  };

  const fail = () => {
    media.hidden = true;
    follow.hidden = true;
    player.querySelector<HTMLElement>('.player-failed')!.hidden = false;
    current?.removeAttribute('aria-current');
  };

  for (const type of ['timeupdate', 'seeked']) {
    media.addEventListener(type, () => mark(media.currentTime));
  }
  media.addEventListener('error', fail);
  if (media.error) return fail();

  follow.addEventListener('click', () => {
    if (following() && current) show(current);
  });
  // The reader scrolling the turn being spoken out of view lets go of it.
  const check = () => {
    if (current && following() && !inView(current)) follow.ariaPressed = 'false';
  };
  addEventListener('scroll', () => performance.now() > ownScrollUntil && check(), {
    passive: true,
  });
  // A wheel or a finger takes the scrolling over, the page's own too.
  for (const type of ['wheel', 'touchstart']) {
    addEventListener(type, () => (ownScrollUntil = 0), { passive: true });
  }
  // Where any scrolling ends, the page's own having shown the turn.
  addEventListener('scrollend', () => {
    ownScrollUntil = 0;
    check();
  });

  const cue = new URLSearchParams(location.search).get(CUE_PARAM);
  const time = cue === null ? undefined : readCue(cue);
  if (time === undefined) return mark(media.currentTime);
  // Before the recording's metadata, this is where it will start.
  media.currentTime = time;
  mark(time);
  if (current) show(current);
}

// On the starter's first import (./start.ts): a module runs once however often it is imported.
start();
