/**
 * The panel the results open in, built when the search first runs rather
 * than written into every page: a reader who never searches never needs
 * it, and it is not part of the first view. What the page knows and the
 * panel needs comes on the search element: `data-speakers` (the speaker
 * filter's speakers, a JSON array of their names in both languages, where
 * the page has no list of speakers of its own) and `data-widens` (a reader
 * page with other transcripts to widen to).
 */
import type { Localized } from '../../lib/localized.ts';
import { languageTags } from '../../lib/transcript/language.ts';
import { searchStrings, strings } from '../../lib/strings.ts';
import { sayAttribute, sayNode, sayText } from '../say.ts';
import { pageSpeakers } from '../speakers.ts';

export const PANEL_ID = 'search-panel';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const created = Object.assign(document.createElement(tag), properties);
  created.append(...children);
  return created;
}

function option(value: string, text: string, lang?: string): HTMLOptionElement {
  const created = element('option', { value }, text);
  if (lang) created.lang = lang;
  return created;
}

/** An option that names no value of its own ("Anyone"): an option holds text alone, so its `label` says it. */
function anyOption(text: Localized): HTMLOptionElement {
  const created = element('option', { value: '' });
  sayAttribute(created, 'label', text);
  return created;
}

function filter(label: Localized, select: HTMLSelectElement): HTMLLabelElement {
  return element('label', {}, element('span', {}, sayNode(label)), select);
}

/**
 * The speaker filter's speakers: the reader page's own list of speakers, by
 * key; or the site's on the others, by their English name, which the
 * site index finds a speaker by as it does by their key or Chinese name.
 */
function speakersOf(root: HTMLElement): { value: string; name: Localized }[] {
  if (root.dataset.speakers === undefined) {
    return pageSpeakers().map(({ key, name }) => ({ value: key, name }));
  }
  try {
    const names: unknown = JSON.parse(root.dataset.speakers);
    return Array.isArray(names)
      ? names.filter(isLocalized).map((name) => ({ value: name.en, name }))
      : [];
  } catch {
    return [];
  }
}

function isLocalized(value: unknown): value is Localized {
  const { en, zh } = (value ?? {}) as Partial<Record<string, unknown>>;
  return typeof en === 'string' && typeof zh === 'string';
}

/** Builds the panel into `root` (once) and ties the field to it. */
export function buildPanel(root: HTMLElement, input: HTMLInputElement): HTMLElement {
  const existing = root.querySelector<HTMLElement>('[data-search-panel]');
  if (existing) return existing;

  const speaker = element('select');
  speaker.dataset.filter = 'speaker';
  // In the language mode of the moment: a select's options cannot hold a span per language.
  const speakers = speakersOf(root).map(({ value, name }) => ({ value, label: sayText(name) }));
  // The site's speakers in the order of the names shown; a reader page's in the order they speak.
  if (root.dataset.speakers !== undefined) speakers.sort((a, b) => a.label.localeCompare(b.label));
  speaker.append(
    anyOption(searchStrings.anySpeaker),
    ...speakers.map(({ value, label }) => option(value, label)),
  );
  const language = element('select');
  language.dataset.filter = 'language';
  language.append(
    anyOption(searchStrings.anyLanguage),
    option('zh', '中文', languageTags.zh),
    option('en', 'English', languageTags.en),
  );
  const filters = element(
    'div',
    { className: 'search-filters', role: 'group' },
    filter(searchStrings.speaker, speaker),
    filter(searchStrings.language, language),
  );
  sayAttribute(filters, 'aria-label', searchStrings.filters);
  if (root.dataset.widens !== undefined) {
    const wide = element(
      'button',
      { type: 'button', className: 'search-wide' },
      sayNode(strings.allTranscripts),
    );
    wide.dataset.filter = 'wide';
    wide.setAttribute('aria-pressed', 'false');
    filters.append(wide);
  }

  const status = element('p', { className: 'search-status' });
  status.dataset.searchStatus = '';
  const results = element('ol', { className: 'search-results' });
  results.dataset.searchResults = '';
  sayAttribute(results, 'aria-label', searchStrings.results);

  const panel = element('div', { className: 'search-panel', id: PANEL_ID, hidden: true });
  panel.dataset.searchPanel = '';
  panel.append(filters, status, results);
  root.append(panel);
  input.setAttribute('aria-controls', PANEL_ID);
  return panel;
}
