/**
 * The search panel's and the marks' styles (search-panel.css), adopted by
 * the document when the search or a landing first runs, not inlined in
 * every page: most readers never search (../adopt-style.ts).
 */
import css from '../../styles/search-panel.css?inline';
import { adoptStyle } from '../adopt-style.ts';

let adopted = false;

export function adoptPanelStyle(): void {
  if (adopted) return;
  adopted = true;
  adoptStyle(css);
}
