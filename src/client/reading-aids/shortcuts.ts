/**
 * `?`: a dialog listing every shortcut of the reader. A real modal
 * `<dialog>`: the page behind is inert, Escape closes it, and so do its
 * Close button and a click outside it; the focus then goes back to where
 * it was. Built the first time it is asked for, from the strings.
 */
import {
  aidStrings as strings,
  dictionaryStrings,
  playerStrings,
  searchStrings,
} from '../../lib/strings.ts';
import type { Localized } from '../../lib/localized.ts';
import { sayNode } from '../say.ts';
// Its styles.
import './page.ts';

/** A shortcut: the ways to press it, each a chord of keys (a key's name, or a word), and what it does. */
interface Shortcut {
  keys: readonly (readonly (string | Localized)[])[];
  does: Localized;
}

const SHORTCUTS: readonly Shortcut[] = [
  { keys: [['j']], does: strings.nextTurn },
  { keys: [['k']], does: strings.previousTurn },
  { keys: [['w']], does: dictionaryStrings.nextWord },
  { keys: [['Shift', 'W']], does: dictionaryStrings.previousWord },
  {
    keys: [
      ['Shift', strings.click],
      ['Shift', 'Enter'],
    ],
    does: strings.selectTurns,
  },
  // On a reader with a recording (src/components/Player.astro).
  ...(document.querySelector('.player') ? [{ keys: [['p']], does: playerStrings.playPause }] : []),
  { keys: [['/'], ['Ctrl', 'K'], ['⌘', 'K']], does: searchStrings.label },
  { keys: [['?']], does: strings.showShortcuts },
  { keys: [['Esc']], does: strings.closeOrClear },
];

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) => {
  const made = Object.assign(document.createElement(tag), properties);
  made.append(...children);
  return made;
};

/** `Shift + click`, or `/ or Ctrl + K`: each key in a `<kbd>`. */
function keysOf({ keys }: Shortcut): (Node | string)[] {
  return keys.flatMap((chord, index) => [
    ...(index > 0 ? [' ', sayNode(strings.or), ' '] : []),
    element(
      'span',
      { className: 'chord' },
      ...chord.flatMap((key, at) => [
        ...(at > 0 ? [' + '] : []),
        element('kbd', {}, typeof key === 'string' ? key : sayNode(key)),
      ]),
    ),
  ]);
}

function build(): HTMLDialogElement {
  const title = element('h2', { id: 'shortcuts-title' }, sayNode(strings.shortcuts));
  const list = element(
    'dl',
    {},
    ...SHORTCUTS.flatMap((shortcut) => [
      element('dt', {}, ...keysOf(shortcut)),
      element('dd', {}, sayNode(shortcut.does)),
    ]),
  );
  const close = element(
    'button',
    { type: 'button', className: 'shortcuts-close' },
    sayNode(strings.close),
  );
  const dialog = element('dialog', { className: 'shortcuts' }, title, list, close);
  dialog.setAttribute('aria-labelledby', title.id);
  // The focus starts on Close, so Enter or Space closes the dialog as Escape does.
  close.autofocus = true;
  dialog.addEventListener('click', (event) => {
    // A click on the backdrop lands on the dialog itself, outside its box.
    const box = dialog.getBoundingClientRect();
    const outside =
      event.clientX < box.left ||
      event.clientX > box.right ||
      event.clientY < box.top ||
      event.clientY > box.bottom;
    if (close.contains(event.target as Node) || (event.target === dialog && outside)) {
      dialog.close();
    }
  });
  document.body.append(dialog);
  return dialog;
}

let dialog: HTMLDialogElement | undefined;

export function openShortcuts(): void {
  dialog ??= build();
  if (dialog.open) return;
  const before = document.activeElement;
  dialog.showModal();
  dialog.addEventListener(
    'close',
    () => {
      if (before instanceof HTMLElement) before.focus({ preventScroll: true });
    },
    { once: true },
  );
}
