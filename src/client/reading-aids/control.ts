/**
 * The reading aids' toggles (ReadingAids.astro): real buttons with
 * `aria-pressed`. Each aid's state lives on `<html data-<aid>>`, set before
 * the first paint by the inline script in Base.astro when it is
 * remembered; this element changes it, remembers it, and has the page show
 * it. The code and the data that show an aid (./show.ts) load the first time
 * an aid is on, so a reader who never presses a toggle fetches neither.
 */
// Only the address of the code that shows the aids, loaded on first use (src/integrations/chunk-url.ts
// says why not import()).
import showUrl from './show.ts?chunk-url';
import { AID_STORAGE_PREFIX, isOn, isReadingAid, readingAids, type ReadingAid } from './state.ts';

type Show = typeof import('./show.ts');

class ReadingAids extends HTMLElement {
  connectedCallback() {
    this.reflect();
    if (readingAids.some(isOn)) void this.show();
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-aid]');
      if (button && isReadingAid(button.dataset.aid)) this.toggle(button.dataset.aid);
    });
  }

  toggle(aid: ReadingAid) {
    const on = !isOn(aid);
    document.documentElement.toggleAttribute(`data-${aid}`, on);
    try {
      if (on) localStorage.setItem(AID_STORAGE_PREFIX + aid, 'on');
      else localStorage.removeItem(AID_STORAGE_PREFIX + aid);
    } catch {
      // Storage may be off (private mode): the choice then lasts this page.
    }
    this.reflect();
    void this.show();
  }

  reflect() {
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-aid]')) {
      const aid = button.dataset.aid;
      button.setAttribute('aria-pressed', String(isReadingAid(aid) && isOn(aid)));
    }
  }

  /** Shows the aids that are on and hides the others; an aid that cannot load is turned off, and said so. */
  async show() {
    const { folder = '', version = '' } = this.dataset;
    let failed: readonly ReadingAid[];
    try {
      const { showAids } = (await import(/* @vite-ignore */ showUrl)) as Show;
      failed = await showAids(folder, version, new Set(readingAids.filter(isOn)));
    } catch {
      failed = readingAids.filter(isOn);
    }
    if (failed.length === 0) return;
    // Still remembered: the next visit tries again.
    for (const aid of failed) document.documentElement.removeAttribute(`data-${aid}`);
    this.reflect();
    const announcer = document.querySelector('[data-announcer]');
    if (announcer) announcer.textContent = this.dataset.failed ?? '';
  }
}

customElements.define('reading-aids', ReadingAids);
