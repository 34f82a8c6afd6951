/**
 * What the reader page does once the reader does something: loaded by the
 * page's first script (./reader.ts) on the first use of an action, which
 * then hands it each click on a control (with the copy the click began),
 * each of the keys `j`, `k`, `p` and `?`, and each point at or focus on a
 * turn's text. Here: a turn's switch and what "Copy link" says, every turn
 * back to the page's language when a page-wide one is chosen (the page's
 * first script makes the choice, ./language-control.ts), the aids'
 * toggles, the text size; and the aids that are chunks of their own, each
 * loaded the first time it is used: the keys, a shift-click on a turn's
 * number (or Shift+Enter on it, or a long press), partner paragraphs in
 * Both mode, the glossary's tooltips. `start` serves an address naming one
 * speaker, a search's landing or a range of turns, and remembered aids.
 */
import css from '../styles/reader-actions.css?inline';
import { adoptStyle } from './adopt-style.ts';
import { FOUND_IN } from '../lib/search/landing-address.ts';
import { FLIP, flip, PERMALINK, resetFlips, showCopied } from './transcript-turns.ts';
import { showAids, toggleAid } from './reading-aids/control.ts';
import { isReadingAid } from './reading-aids/state.ts';
import { chooseTextSize, isTextSize } from './text-size.ts';
// Each aid is a chunk of its own, loaded by its address (src/integrations/chunk-url.ts says why).
import keyboardUrl from './reading-aids/keyboard.ts?chunk-url';
import rangesUrl from './reading-aids/turn-range.ts?chunk-url';
import partnersUrl from './reading-aids/partners.ts?chunk-url';
import oneSpeakerUrl from './reading-aids/one-speaker.ts?chunk-url';
import tipsUrl from './gloss-tips.ts?chunk-url';
import landingUrl from './search/landing.ts?chunk-url';
import dictionaryUrl from './dictionary/popup.ts?chunk-url';

/** Loads a module on its first use; a load that fails (offline, say) is tried again on the next. */
function lazy<T>(url: string): (use: (module: T) => unknown) => Promise<unknown> {
  let loading: Promise<T> | undefined;
  return (use) => {
    loading ??= import(/* @vite-ignore */ url) as Promise<T>;
    return loading.then(use, () => (loading = undefined));
  };
}

const keyboard = lazy<typeof import('./reading-aids/keyboard.ts')>(keyboardUrl);
// Once loaded, the range module follows the address itself as well: following it twice changes nothing.
const ranges = lazy<typeof import('./reading-aids/turn-range.ts')>(rangesUrl);
const partners = lazy<typeof import('./reading-aids/partners.ts')>(partnersUrl);
const oneSpeaker = lazy<typeof import('./reading-aids/one-speaker.ts')>(oneSpeakerUrl);
const tips = lazy<typeof import('./gloss-tips.ts')>(tipsUrl);
const landing = lazy<typeof import('./search/landing.ts')>(landingUrl);
const dictionary = lazy<typeof import('./dictionary/popup.ts')>(dictionaryUrl);

const GLOSS = '.turn-text .gloss';

// Adopted, as the search panel's styles are (src/client/search/panel-style.ts says why).
adoptStyle(css);

/** Selects the turns from the last one chosen to `turn`: a shift-click or a long press on its number. */
function select(turn: Element, byKeyboard: boolean): void {
  void ranges(({ selectTo }) => selectTo(turn, byKeyboard));
}

/** How long a touch on a turn's number is held to select turns, in milliseconds. */
const LONG_PRESS = 500;

/** The last touch on a turn's number: where, when it began, and when it ended (`Infinity` while held). */
interface Touch {
  permalink: Element;
  start: number;
  endedAt: () => number;
  /** Android's contextmenu, which is a long press whenever it comes. */
  long: boolean;
}
let touch: Touch | undefined;
const isLong = (touch: Touch) => touch.long || touch.endedAt() - touch.start >= LONG_PRESS;

/**
 * A touch on a turn's number as it landed (a pointerdown, or Android's
 * contextmenu), which the page's first script hands on even before this
 * code has loaded, and when it ended: held for LONG_PRESS, it selects
 * turns from there, however late this code came.
 */
export function press(event: Event, endedAt: () => number): void {
  const permalink = (event.target as Element).closest(PERMALINK)!;
  const current: Touch = {
    permalink,
    start: event.timeStamp,
    endedAt,
    long: event.type === 'contextmenu',
  };
  touch = current;
  setTimeout(
    () => touch === current && isLong(current) && select(permalink.closest('.turn')!, false),
    current.long ? 0 : LONG_PRESS - (performance.now() - event.timeStamp),
  );
}

// Any touch or click begins afresh (before the page's first script hands a touch on, as this
// listens in the capture phase); the finger lifted after a long press makes no click of it.
document.addEventListener('pointerdown', () => (touch = undefined), true);
document.addEventListener('click', (event) => {
  const permalink = (event.target as Element).closest?.(PERMALINK);
  if (touch && permalink === touch.permalink && isLong(touch)) event.preventDefault();
});

/** A click on a button, or a shift-click on a turn's number; `copying`, the copy it began. */
export function onClick(event: MouseEvent, target: Element, copying?: Promise<void>): void {
  const button = target.closest<HTMLButtonElement>('button');
  const { mode, aid, size } = button?.dataset ?? {};
  if (button && copying) void showCopied(button, copying);
  else if (button?.matches(FLIP)) flip(button.closest('.turn')!);
  else if (mode) resetFlips();
  else if (isReadingAid(aid)) toggleAid(aid);
  else if (isTextSize(size)) chooseTextSize(size);
  else if (event.shiftKey) {
    // The page's first script has kept the browser from opening the link in a window.
    const turn = target.closest(PERMALINK)?.closest('.turn');
    // A click the keyboard made has no pointer's count of clicks.
    if (turn) select(turn, !event.detail);
  }
}

/** `j`, `k`, `p`, `w`, `W` or `?`, pressed outside a field (the page's first script hands on no other key). */
export function onKey(event: KeyboardEvent, target: Element): void {
  // In the shortcuts' dialog the keys are the dialog's.
  if (target.closest('dialog')) return;
  if (event.key === 'p') return playOrPause(event);
  event.preventDefault();
  if (/^w$/i.test(event.key)) void dictionary(({ step }) => step(event.key === 'w'));
  else if (event.key === '?') void keyboard(({ openShortcuts }) => openShortcuts());
  else void keyboard(({ move }) => move(event.key === 'j' ? 1 : -1));
}

/** `p`: plays or pauses the recording, on a reader that has one (src/components/Player.astro). */
function playOrPause(event: KeyboardEvent): void {
  const media = document.querySelector<HTMLMediaElement>('.player :is(audio, video)');
  if (!media || media.error) return;
  event.preventDefault();
  // A recording that cannot play says so in the player's place (src/client/player/player.ts).
  if (media.paused) media.play().catch(() => undefined);
  else media.pause();
}

let partnersStarted = false;
let tipsStarted = false;

/**
 * The pointer, a tap or the focus on a turn's text: a glossary mark's tooltip, and in Both mode a
 * paragraph's partner.
 */
export function onPoint(event: Event, target: Element): void {
  if (event.type === 'click' && target.closest('.turn-text > :lang(zh)')) {
    void dictionary(({ lookUpAt }) => lookUpAt(event as MouseEvent));
  }
  if (!tipsStarted && target.closest(GLOSS)) {
    tipsStarted = true;
    void tips(({ attach }) => {
      attach(event, GLOSS);
      return true;
    }).then((attached) => {
      // Offline, say: the title still shows the term, and the next mark pointed at tries again.
      if (!attached) tipsStarted = false;
    });
  }
  onParagraph(event, target);
}

/**
 * The pointer, a tap or the focus on a paragraph in Both mode starts its partners; a touch as it
 * lands does not, as it marks nothing (./reading-aids/partners.ts says why).
 */
function onParagraph(event: Event, target: Element): void {
  if (partnersStarted || document.documentElement.dataset.lang !== 'both') return;
  if (event.type === 'pointerover' && (event as PointerEvent).pointerType === 'touch') return;
  if (!target.closest('.turn-text p')) return;
  partnersStarted = true;
  void partners(({ start }) => start(event));
}

/** Follows an address naming a range of turns, `#turn-3-5`: the range module reads it whole. */
export function follow(): Promise<unknown> {
  return ranges((module) => module.follow());
}

/**
 * What the page shows from the start when asked: the remembered aids; one
 * speaker's turns (`allHref` the page of every speaker's), before a range,
 * a search's landing or a permalink is found where that view puts it.
 */
export async function start(speaker: string | null, allHref: string): Promise<void> {
  void showAids();
  if (speaker !== null) await oneSpeaker(({ showOnly }) => showOnly(speaker, allHref));
  if (new URLSearchParams(location.search).has(FOUND_IN)) {
    await landing(({ landFromAddress }) => landFromAddress());
  }
  if (/^#turn-\d+-\d+$/.test(location.hash)) await follow();
}
