/**
 * The reading aids' toggles (ReadingAids.astro): real buttons with
 * `aria-pressed`. Each aid's state lives on `<html data-<aid>>`, set before
 * the first paint by the mode script when it is remembered, and the toggles
 * are drawn pressed from it by the reader's first script (../reader.ts);
 * here a toggle changes it, remembers it, and has the page show it. The
 * code and the data that show an aid (./show.ts) load the first time an aid
 * is on, so a reader who never presses a toggle fetches neither.
 */
// Only the address of the code that shows the aids, loaded on first use (src/integrations/chunk-url.ts
// says why not import()).
import showUrl from './show.ts?chunk-url';
import { strings } from '../../lib/strings.ts';
import { sayAloud } from '../say.ts';
import { reflectPressed } from '../pressed.ts';
import { AID_STORAGE_PREFIX, isOn, readingAids, type ReadingAid } from './state.ts';

type Show = typeof import('./show.ts');

export function toggleAid(aid: ReadingAid): void {
  const on = !isOn(aid);
  document.documentElement.toggleAttribute(`data-${aid}`, on);
  try {
    if (on) localStorage.setItem(AID_STORAGE_PREFIX + aid, 'on');
    else localStorage.removeItem(AID_STORAGE_PREFIX + aid);
  } catch {
    // Storage may be off (private mode): the choice then lasts this page.
  }
  reflectPressed();
  void showAids();
}

/** Shows the aids that are on and hides the others; an aid that cannot load is turned off, and said so. */
export async function showAids(): Promise<void> {
  const aids = document.querySelector<HTMLElement>('reading-aids');
  if (!aids) return;
  const { version = '' } = aids.dataset;
  // The transcript's folder is its reader's path (TurnList.astro's `data-reader`, absolute where
  // the build has a site URL): read on this host, wherever the site is published.
  const reader = document.querySelector<HTMLElement>('transcript-turns')?.dataset.reader ?? '';
  const folder = new URL(reader, location.href).pathname;
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
  reflectPressed();
  const announcer = document.querySelector('[data-announcer]');
  if (announcer) announcer.textContent = sayAloud(strings.readingAidFailed);
}
