/** The keyboard's aids, loaded together by the first of their keys: `j` and `k`, and `?`. */
export { move } from './turn-keys.ts';
export { openShortcuts } from './shortcuts.ts';
