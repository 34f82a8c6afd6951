/**
 * The page-wide toggles' `aria-pressed`, drawn from what `<html>` holds:
 * `data-lang` for the language buttons (`data-mode`), `data-<aid>` for the
 * reading aids' (`data-aid`), `data-text-size` for the text sizes'
 * (`data-size`). The one state is `<html>`'s; the CSS draws the pressed
 * look from it too. After an aid's or a size's toggle its code calls
 * this; at load and after a language is chosen the page's first script
 * (./language-control.ts) runs the same lines, as an inlined script may
 * share no module with code loaded later (src/integrations/chunk-url.ts
 * says why).
 */
export function reflectPressed(): void {
  const state = document.documentElement.dataset;
  for (const button of document.querySelectorAll<HTMLElement>(
    '[data-mode],[data-aid],[data-size]',
  )) {
    const { mode, size, aid = '' } = button.dataset;
    const pressed = mode ? mode === state.lang : size ? size === state.textSize : aid in state;
    button.setAttribute('aria-pressed', String(pressed));
  }
}
