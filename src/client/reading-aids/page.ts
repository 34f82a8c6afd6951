/**
 * What the aids share on the reader page: their styles, its turns, a
 * turn's speaker, the live region.
 */
// As a URL, not an import of the CSS: an imported stylesheet would be inlined into every first view.
import stylesheet from '../../styles/reading-aids.css?url';

/** The aids' styles, asked for by the first aid a reader uses; settled once they apply (or fail to load). */
export const styled = new Promise<void>((resolve) => {
  const link = Object.assign(document.createElement('link'), {
    rel: 'stylesheet',
    href: stylesheet,
  });
  link.addEventListener('load', () => resolve());
  link.addEventListener('error', () => resolve());
  document.head.append(link);
});

/** Says `message` to screen readers through the page's live region (Base.astro). */
export function announce(message: string): void {
  const announcer = document.querySelector('[data-announcer]');
  if (announcer) announcer.textContent = message;
}

/** The turns of the page, in order. */
export const allTurns = () => [...document.querySelectorAll<HTMLElement>('.turn')];

/** A turn's speaker, as its header names them. */
export const speakerOf = (turn: Element) => turn.querySelector('h2')?.textContent?.trim() ?? '';
