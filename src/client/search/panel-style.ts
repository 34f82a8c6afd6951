/**
 * The search panel's and the marks' styles (search-panel.css), adopted by
 * the document when the search or a landing first runs, not inlined in
 * every page: most readers never search. A constructed sheet, not a
 * `<style>` element, so the page's Content-Security-Policy needs no hash
 * for it.
 */
import css from '../../styles/search-panel.css?inline';

let adopted = false;

export function adoptPanelStyle(): void {
  if (adopted) return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
