/**
 * A turn's own buttons: a switch that shows the turn in the other language
 * (one for each language, shown in the page-wide mode that hides it), and
 * "Copy link", which copies the turn's share address
 * (`<site><base><slug>/turn-N/`). They only work with JavaScript and only
 * matter once the reader does something, so neither the page nor its first
 * script carries them: the reader's actions (./reader-actions.ts) add them
 * to every turn's header as they load, on the first scroll, point, tap, key
 * or focus. Their place is held by the CSS from the first paint, so adding
 * them moves nothing; their styles come with them (reader-actions.css).
 */
import { strings } from '../lib/strings.ts';
import { sayAloud, sayNode } from './say.ts';
import { languageTags, type Language } from '../lib/transcript/language.ts';

/** A turn's permalink, `#turn-N` (Turn.astro), within the turn or the page. */
export const PERMALINK = '.turn > header > a';

/**
 * The reader page's address that turns' share links are made from: the site URL's, where the
 * build has one (TurnList.astro's `data-reader`), else this page's own, ending in `/`.
 */
export function readerAddress(): URL {
  const reader = document.querySelector<HTMLElement>('transcript-turns')?.dataset.reader;
  const url = new URL(reader ?? location.pathname, location.origin);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The switches' languages and names: each shows the turn in the language it names. */
const flips: [Language, string][] = [
  ['en', strings.optionEn.en],
  ['zh', strings.optionZh.en],
];

function button(
  text: string | Node,
  data: Record<string, string>,
  lang?: string,
): HTMLButtonElement {
  const created = document.createElement('button');
  created.type = 'button';
  created.append(text);
  Object.assign(created.dataset, data);
  if (lang) created.lang = lang;
  return created;
}

/** Gives every turn its buttons, a turn already shown in the other language (by a search's landing) pressed. */
export function addTurnButtons(): void {
  for (const header of document.querySelectorAll('.turn > header')) {
    const turn = header.parentElement!;
    const actions = document.createElement('span');
    actions.className = 'turn-actions';
    for (const [language, label] of flips) {
      const flip = button(label, { flip: language }, languageTags[language]);
      flip.className = 'turn-flip';
      flip.setAttribute('aria-pressed', String(turn.hasAttribute('data-flipped')));
      actions.append(flip);
    }
    const copy = button(sayNode(strings.copyLink), { copy: turn.id });
    copy.className = 'copy-link';
    const number = document.createElement('span');
    number.className = 'visually-hidden';
    number.textContent = ` ${turn.id.slice(turn.id.lastIndexOf('-') + 1)}`;
    copy.append(number);
    actions.append(copy);
    header.append(actions);
  }
}

/** Shows `turn` alone in the other language; again, it returns. */
export function flip(turn: Element): void {
  const flipped = turn.toggleAttribute('data-flipped');
  for (const flip of turn.querySelectorAll('[data-flip]')) {
    flip.setAttribute('aria-pressed', String(flipped));
  }
}

/** Every turn back to the page's language, as a page-wide choice leaves them. */
export function resetFlips(): void {
  for (const turn of document.querySelectorAll('.turn[data-flipped]')) flip(turn);
}

/** Copies turn `id`'s share address, and shows its permalink in the address bar. */
export async function copyLink(id: string): Promise<void> {
  const url = new URL(location.href);
  // The address bar shows the permalink, /<slug>/#turn-N, however this page was reached.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.hash = id;
  history.replaceState(history.state, '', url);
  // What is copied is the turn's share page, whose preview quotes the turn: `<reader>turn-N/`
  // (sharePath() in src/lib/address.ts).
  const shared = new URL(`${id}/`, readerAddress());
  let message = sayAloud(strings.copied);
  try {
    await navigator.clipboard.writeText(shared.href);
  } catch {
    message = sayAloud(strings.copyFailed);
  }
  const announcer = document.querySelector('[data-announcer]');
  if (announcer) announcer.textContent = message;
  document.getElementById(id)?.setAttribute('data-copied', '');
  setTimeout(() => document.getElementById(id)?.removeAttribute('data-copied'), 2000);
}
