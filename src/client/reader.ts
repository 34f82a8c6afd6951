/**
 * The reader page's part of the page's first script (./page.ts): what the
 * page needs before the reader does anything, and what must answer a
 * gesture at once. It makes the speakers' names links to their turns, puts
 * the glossary's marks in the tab order (focusing one shows its term),
 * writes a copied link to the clipboard within the click, and notes when a
 * touch on a turn's number begins and ends, keeping the browser's menu off
 * it. (The controls' pressed states and the page-wide language are
 * ./language-control.ts's.) The code of every other action is the reader's
 * actions' (./reader-actions.ts), loaded on the first use of one: a click
 * on a control, a shift-click on a turn's number or a touch on it (which
 * the actions time as a long press), `j`, `k`, `p` or `?`, pointing at or
 * focusing a turn's text; or at once when the address or a remembered aid
 * asks for it.
 *
 * Inlined in every page, so it imports only the address of the actions,
 * and modules that nothing loaded later imports.
 */
import { allSpeakersHref, SPEAKER_PARAM, speakerHref } from '../lib/speaker-address.ts';
import { isTyping } from './typing.ts';
import actionsUrl from './reader-actions.ts?chunk-url';

type Actions = typeof import('./reader-actions.ts');

/** A turn's permalink, as ./transcript-turns.ts names it for the code loaded later. */
const PERMALINK = '.turn>header>a:first-child';

/**
 * What a "Copy link" button copies: the address its `data-copy` holds (the
 * range bar's, `#turn-3-5`), else its turn's share page, `turn-N/`, or its
 * permalink, `#turn-N`, where the site has no share pages (the `sharePages`
 * setting); under the reader's address (TurnList.astro's `data-reader`).
 */
function copiedAddress(button: HTMLElement): string {
  const turns = document.querySelector<HTMLElement>('transcript-turns')!;
  const reader = new URL(turns.dataset.reader!, location.href);
  const share = import.meta.env.DUET_SHARE_PAGES;
  // Written so that the build leaves one address in the page: `turn-N/`, or `#turn-N`.
  return new URL(
    button.dataset.copy || `${share ? '' : '#'}${button.closest('.turn')!.id}${share ? '/' : ''}`,
    reader,
  ).href;
}

export function startReader(): void {
  for (const name of document.querySelectorAll<HTMLElement>('.speaker-list [data-key]')) {
    const link = document.createElement('a');
    link.append(...name.childNodes);
    link.href = speakerHref(location.href, name.dataset.key!);
    name.replaceChildren(link);
  }
  for (const mark of document.querySelectorAll<HTMLElement>('.turn-text .gloss')) mark.tabIndex = 0;

  let actions: Actions | undefined;
  let loading: Promise<Actions> | undefined;
  /** Runs `use` with the actions, loading them the first time; offline, the next use tries again. */
  const act = (use: (module: Actions) => unknown) => {
    if (actions) return void use(actions);
    loading ??= import(/* @vite-ignore */ actionsUrl) as Promise<Actions>;
    loading.then(
      (module) => use((actions = module)),
      () => (loading = undefined),
    );
  };

  /**
   * Ends the touch on a turn's number now held, if there is one, at the time of `event`: the
   * finger lifted, moved (a scroll, which cancels the pointer), or touching anew. The time is the
   * event's own, so a long press is told by how long the touch was held, not by which of a timer
   * and the lifting finger a busy page gets to first.
   */
  let end: ((at: number) => void) | undefined;
  const ended = (event: Event) => {
    end?.(event.timeStamp);
    end = undefined;
  };
  for (const type of ['pointerup', 'pointercancel']) document.addEventListener(type, ended);
  for (const type of ['pointerdown', 'contextmenu']) {
    document.addEventListener(type, (event) => {
      ended(event);
      const { pointerType } = event as PointerEvent;
      if (!/^(touch|pen)$/.test(pointerType) || !(event.target as Element).closest?.(PERMALINK)) {
        return;
      }
      // Android says a long press with this event, and would open its menu on the link.
      if (type === 'contextmenu') event.preventDefault();
      let endedAt = Infinity;
      end = (at) => (endedAt = at);
      act((module) => module.press(event, () => endedAt));
    });
  }

  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    // The search field has its own code (./search/start.ts).
    if (target.closest('site-search')) return;
    // A shift-click on a turn's number selects turns: the browser opens no window for it.
    if (event.shiftKey && target.closest(PERMALINK)) event.preventDefault();
    else if (!target.closest('button')) {
      // A tap on a turn's text: a paragraph's partner, a glossary mark's term.
      if (target.closest('.turn-text')) act((module) => module.onPoint(event, target));
      return;
    }
    // Within the click, as Safari writes to the clipboard for none that comes after a wait (for
    // the actions' code, say); the actions then say how it went.
    const copy = target.closest<HTMLElement>('[data-copy]');
    const copying = copy
      ? (async () => navigator.clipboard.writeText(copiedAddress(copy)))()
      : undefined;
    act((module) => module.onClick(event, target, copying));
  });
  // Keys: the reader's own (j, k, p, w, W, ?), and none typed into a field, which are the field's.
  document.addEventListener('keydown', (event) => {
    const { key, ctrlKey, metaKey, altKey, target } = event;
    if (!/^[jkpwW?]$/.test(key) || ctrlKey || metaKey || altKey || isTyping(target)) return;
    act((module) => module.onKey(event, target as Element));
  });
  // Pointing at or focusing a turn's text: a paragraph's partner, a glossary mark's term.
  for (const type of ['pointerover', 'focusin']) {
    document.addEventListener(type, (event) => {
      const target = event.target as Element;
      if (target.closest?.('.turn-text')) act((module) => module.onPoint(event, target));
    });
  }

  // What the address or a remembered aid asks for at once: one speaker, a search's landing, a
  // range of turns, pinyin.
  const speaker = new URLSearchParams(location.search).get(SPEAKER_PARAM);
  const range = () => /^#turn-\d+-\d+$/.test(location.hash);
  if (location.search || range() || document.querySelector('[data-aid][aria-pressed=true]')) {
    act((module) => module.start(speaker, allSpeakersHref(location.href)));
  }
  addEventListener('hashchange', () => range() && act((module) => module.follow()));
}
