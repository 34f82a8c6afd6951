/**
 * The reader page's part of the page's first script (./page.ts): only what
 * the first screen needs before the reader does anything. It makes the
 * speakers' names links to their turns. Everything else is the
 * reader's actions (./reader-actions.ts), loaded the first time the reader
 * scrolls, points, taps, focuses, clicks or presses `j`, `k` or `?`, or at
 * once when the address or a remembered aid asks for it: the turns'
 * buttons, what every control does, the aids. The events that come while
 * it loads are handed to it in order.
 *
 * Inlined in every page, so it imports only the address of the actions,
 * and modules that nothing loaded later imports.
 */
import { allSpeakersHref, SPEAKER_PARAM, speakerHref } from '../lib/speaker-address.ts';
import { isTyping } from './typing.ts';
import actionsUrl from './reader-actions.ts?chunk-url';

type Actions = typeof import('./reader-actions.ts');

export function startReader(): void {
  for (const name of document.querySelectorAll<HTMLElement>('.speaker-list [data-key]')) {
    const link = document.createElement('a');
    link.append(...name.childNodes);
    link.href = speakerHref(location.href, name.dataset.key!);
    name.replaceChildren(link);
  }

  let actions: Actions | undefined;
  let loading: Promise<Actions> | undefined;
  const load = () =>
    (loading ??= (import(/* @vite-ignore */ actionsUrl) as Promise<Actions>).then(
      (module) => (actions = module),
      // Offline, say: the next event tries again.
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));

  const waiting: Event[] = [];
  const dispatch = (event: Event) => {
    const target = event.target as Element;
    // A shift-click on a turn's number (PERMALINK in ./transcript-turns.ts) selects turns: the
    // browser opens no window for it.
    if (
      (event as MouseEvent).shiftKey &&
      event.type == 'click' &&
      target.closest?.('.turn > header > a')
    ) {
      event.preventDefault();
    }
    // Keys: the reader's own (j, k, ?), and none typed into a field, which are the field's.
    if (event.type == 'keydown') {
      const { key, ctrlKey, metaKey, altKey } = event as KeyboardEvent;
      if (!/^[jk?]$/.test(key) || ctrlKey || metaKey || altKey || isTyping(target)) return;
    }
    if (actions) return actions.handle(event);
    // The search field has its own code (./search/start.ts); using it needs none of this.
    if (target.closest?.('site-search') || waiting.push(event) > 1) return;
    load().then(
      (module) => waiting.splice(0).forEach((waited) => module.handle(waited)),
      () => (waiting.length = 0),
    );
  };
  for (const type of ['click', 'keydown', 'pointerover', 'focusin']) {
    document.addEventListener(type, dispatch);
  }
  // Reading on brings the turns' buttons too.
  addEventListener('scroll', () => void load(), { once: true, passive: true });

  // What the address or a remembered aid asks for at once: one speaker, a search's landing, a
  // range of turns, pinyin.
  const speaker = new URLSearchParams(location.search).get(SPEAKER_PARAM);
  const range = () => /^#turn-\d+-\d+$/.test(location.hash);
  if (location.search || range() || document.querySelector('[data-aid][aria-pressed=true]')) {
    void load().then((module) => module.start(speaker, allSpeakersHref(location.href)));
  }
  addEventListener('hashchange', () => range() && load().then((module) => module.follow()));
}
