/**
 * The page-wide language switch (LanguageControl.astro): three real
 * buttons with `aria-pressed`. The mode lives on `<html data-lang>`, set
 * before the first paint by the mode script (./mode-script.ts), and the
 * buttons are drawn pressed from it by the reader's first script
 * (./reader.ts); choosing here changes it, remembers it, and returns every
 * turn shown in the other language (./transcript-turns.ts).
 */
import { QUERY_PARAM, STORAGE_KEY, type LanguageMode } from './language-mode.ts';
import { reflectPressed } from './pressed.ts';
import { resetFlips } from './transcript-turns.ts';

export function chooseMode(mode: LanguageMode): void {
  document.documentElement.dataset.lang = mode;
  resetFlips();
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
  reflectPressed();
}
