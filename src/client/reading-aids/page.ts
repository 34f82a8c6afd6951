/**
 * What the aids share on the reader page: their styles, its turns, a
 * turn's speaker, the live region.
 */
import css from '../../styles/reading-aids.css?inline';
import { adoptStyle } from '../adopt-style.ts';

// Adopted by the first aid a reader uses, as the search panel's are (src/client/search/panel-style.ts says why).
adoptStyle(css);

/** Says `message` to screen readers through the page's live region (Base.astro). */
export function announce(message: string): void {
  const announcer = document.querySelector('[data-announcer]');
  if (announcer) announcer.textContent = message;
}

/** The turns of the page, in order. */
export const allTurns = () => [...document.querySelectorAll<HTMLElement>('.turn')];
