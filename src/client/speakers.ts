/**
 * The reader page's speakers, as the page writes them: in the list of
 * speakers, each name (`.speaker-name`) carries the speaker's key in
 * `data-key` and shows their name in both languages as Say.astro writes it;
 * each turn's header shows the same name. A speaker is found by their key
 * or by either name, which the parser keeps to one speaker each
 * (src/lib/transcript/names.ts).
 */
import type { Localized } from '../lib/localized.ts';

export interface PageSpeaker {
  key: string;
  name: Localized;
}

/** Text as Say.astro and `sayNode` write it: a span per language, or one text for both. */
export function said(element: Element): Localized {
  const text = (part: Element) => part.textContent?.trim() ?? '';
  const en = element.querySelector('.ui-en');
  const zh = element.querySelector('.ui-zh');
  if (en && zh) return { en: text(en), zh: text(zh) };
  return { en: text(element), zh: text(element) };
}

/** The speakers of the page, in the order of its list. */
export function pageSpeakers(): PageSpeaker[] {
  return [...document.querySelectorAll<HTMLElement>('.speaker-list [data-key]')].map((element) => ({
    key: element.dataset.key ?? '',
    name: said(element),
  }));
}

/** The speaker whose key or name in either language is `wanted`. */
export function findSpeaker(wanted: string): PageSpeaker | undefined {
  return pageSpeakers().find(
    ({ key, name }) => key === wanted || name.en === wanted || name.zh === wanted,
  );
}

/** The name a turn's header shows. */
export function nameInTurn(turn: Element): Localized {
  const header = turn.querySelector(':scope > header > h2');
  return header ? said(header) : { en: '', zh: '' };
}

/** The key of a turn's speaker, found by the name its header shows. */
export function speakerKeyOf(turn: Element, speakers = pageSpeakers()): string {
  const { en, zh } = nameInTurn(turn);
  return speakers.find(({ name }) => name.en === en && name.zh === zh)?.key ?? '';
}
