/**
 * The search field's part of every page's first script (../page.ts): the
 * shortcuts, and the import of the real search (./ui.ts) the first time
 * the field is focused or typed in. It imports only the address of that
 * code (src/integrations/chunk-url.ts says why not import()). A reader
 * page opened from a result lands with the reader's actions
 * (../reader-actions.ts).
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
  const input = root.querySelector('input')!;
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
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
  root.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
  document.addEventListener('keydown', (event) => {
    if (!isShortcut(event)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
