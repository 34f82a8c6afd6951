/**
 * The page-wide language switch (LanguageControl.astro), on every page:
 * part of the page's first script (./page.ts), so a choice works at once
 * wherever it is offered. The mode lives on `<html data-lang>`, set before
 * the first paint by the mode script (./mode-script.ts) with `<html lang>`;
 * the interface's text follows it through the CSS (src/lib/localized.ts).
 * What the CSS cannot switch is done here, at load and on every choice:
 * the toggles' `aria-pressed`, and the attributes written in both
 * languages. Choosing also remembers the mode; on a reader, its actions
 * return every turn shown in the other language (./reader-actions.ts).
 *
 * Inlined in every page, so it imports only modules that nothing loaded
 * later imports (src/integrations/chunk-url.ts says why).
 */
import { QUERY_PARAM, STORAGE_KEY } from './language-mode.ts';

/**
 * The toggles' `aria-pressed`, drawn from what `<html>` holds: `data-lang`
 * for the language options (`data-mode`), `data-<aid>` for the reading
 * aids' (`data-aid`), `data-text-size` for the text sizes' (`data-size`):
 * at load, after a language is chosen, and when the aids' or the text
 * size's code says `<html>` changed (the event `duet:pressed`, ./pressed.ts).
 */
function drawPressed(): void {
  const state = document.documentElement.dataset;
  for (const button of document.querySelectorAll<HTMLElement>(
    '[data-mode],[data-aid],[data-size]',
  )) {
    const { mode, size, aid = '' } = button.dataset;
    const pressed = mode ? mode === state.lang : size ? size === state.textSize : aid in state;
    button.setAttribute('aria-pressed', String(pressed));
  }
}

/**
 * Each attribute written in both languages (`localizedAttribute()` in
 * src/lib/localized.ts: `data-say` names it, `data-say-en` and
 * `data-say-zh` hold each language) set to the page's mode's, as `inMode()`
 * reads a text.
 */
function sayAttributes(): void {
  const { lang } = document.documentElement.dataset;
  for (const element of document.querySelectorAll<HTMLElement>('[data-say]')) {
    const { say = '', sayEn = '', sayZh = '' } = element.dataset;
    element.setAttribute(say, lang === 'zh' ? sayZh : lang === 'en' ? sayEn : `${sayEn} ${sayZh}`);
  }
}

/** Shows the page in the mode `option` names, and remembers it; its `lang` is the page's from now. */
function choose(option: HTMLElement): void {
  const root = document.documentElement;
  const { mode = '' } = option.dataset;
  root.dataset.lang = mode;
  root.lang = option.lang;
  try {
    localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // Storage may be off (private mode): the choice then lasts this page.
  }
  // The choice is now the reader's own: drop a ?lang= that would override it on reload.
  const url = new URL(location.href);
  if (url.searchParams.has(QUERY_PARAM)) {
    url.searchParams.delete(QUERY_PARAM);
    history.replaceState(history.state, '', url);
  }
  drawPressed();
  sayAttributes();
}

export function startLanguage(): void {
  drawPressed();
  sayAttributes();
  document.addEventListener('duet:pressed', drawPressed);
  document.addEventListener('click', (event) => {
    const option = (event.target as Element).closest?.<HTMLElement>('[data-mode]');
    if (option) choose(option);
  });
}
