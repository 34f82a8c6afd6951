/**
 * The search field's part of every page's first script (../page.ts): the
 * shortcuts, the field's opening and closing, and the import of the real
 * search (./ui.ts) the first time the field is focused or typed in. It
 * imports only the address of that code (src/integrations/chunk-url.ts
 * says why not import()). A reader page opened from a result lands with
 * the reader's actions (../reader-actions.ts).
 */
import { isTyping } from '../typing.ts';
import uiUrl from './ui.ts?chunk-url';

type Ui = typeof import('./ui.ts');

/** Keys that summon the search: `/` as on many sites, and Ctrl+K or ⌘K. */
function isShortcut(event: KeyboardEvent): boolean {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return false;
  return !isTyping(event.target);
}

/** Starts the search field `root` (Search.astro). */
export function startSearch(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const input = form.querySelector('input')!;
  const button = form.querySelector('button')!;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    (import(/* @vite-ignore */ uiUrl) as Promise<Ui>).then(
      ({ attach }) => attach(root),
      // Offline, say: the next focus or keystroke tries again.
      () => (started = false),
    );
  };
  // Open while the search has the focus: on a phone, the field over the header (search.css).
  const close = () => delete root.dataset.open;
  input.addEventListener('focus', () => {
    root.dataset.open = '';
    start();
  });
  input.addEventListener('input', start);
  // The button opens the field; with a query, the search's code opens its first result (./ui.ts).
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    input.focus();
  });
  // Closed as the focus leaves the search: a press on the page focuses its <main>.
  root.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !root.contains(next)) close();
  });
  document.addEventListener('keydown', (event) => {
    // An Escape the results did not take (./ui.ts) leaves the field for its button.
    if (event.key === 'Escape' && !event.defaultPrevented && root.dataset.open !== undefined) {
      close();
      button.focus();
    }
    if (!isShortcut(event)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
