/**
 * The page-wide language switch (LanguageControl.astro): three real
 * buttons with `aria-pressed`. The mode lives on `<html data-lang>`, set
 * before the first paint by the inline script in Base.astro; this element
 * only changes it, remembers it, and tells the turns.
 */
import {
  isLanguageMode,
  LANGUAGE_CHANGE,
  QUERY_PARAM,
  STORAGE_KEY,
  type LanguageMode,
} from './language-mode.ts';

class LanguageControl extends HTMLElement {
  connectedCallback() {
    this.reflect(document.documentElement.dataset.lang);
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-mode]');
      if (button && isLanguageMode(button.dataset.mode)) this.choose(button.dataset.mode);
    });
  }

  choose(mode: LanguageMode) {
    document.documentElement.dataset.lang = mode;
    document.dispatchEvent(new CustomEvent(LANGUAGE_CHANGE, { detail: mode }));
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
    this.reflect(mode);
  }

  reflect(mode: string | undefined) {
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-mode]')) {
      button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
    }
  }
}

customElements.define('language-control', LanguageControl);
