/**
 * Interface text made by script, in the page's language mode, as the
 * pages' own is (src/lib/localized.ts): `sayNode` for what stays on the
 * page (it follows a later switch of mode through the CSS, as the page's
 * text does), `sayAttribute` for an attribute (the page's first script
 * switches it, ./language-control.ts), `sayText` for a text in the mode of
 * the moment, and `sayAloud` for what the live region says.
 */
import { inMode, isSame, localizedAttribute, onceTag, type Localized } from '../lib/localized.ts';
import { languageTags } from '../lib/transcript/language.ts';

/**
 * The page's language mode; Both where there is none. Read here rather than
 * with ./language-mode.ts, which the page's first script imports and code
 * loaded later may not (src/integrations/chunk-url.ts says why).
 */
function mode() {
  const { lang } = document.documentElement.dataset;
  return lang === 'zh' || lang === 'en' ? lang : 'both';
}

/** The text in the mode of the moment. */
export function sayText(value: Localized): string {
  return inMode(value, mode());
}

/**
 * What the live region (Base.astro) says, in the page's own language
 * (`<html lang>`): a screen reader voices an announcement in one language,
 * so Both says it in English, the language it writes first.
 */
export function sayAloud(value: Localized): string {
  return mode() === 'zh' ? value.zh : value.en;
}

function span(text: string, lang: string, className?: string): HTMLSpanElement {
  const made = document.createElement('span');
  if (className) made.className = className;
  made.lang = lang;
  made.textContent = text;
  return made;
}

/** The text as the pages write it (Say.astro): a span per language, which the CSS shows by mode. */
export function sayNode(value: Localized): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (isSame(value)) {
    const lang = onceTag(value);
    fragment.append(lang ? span(value.en, lang) : value.en);
    return fragment;
  }
  // The space is the Chinese span's, as Say.astro's is (it says why).
  fragment.append(
    span(value.en, languageTags.en, 'ui-en'),
    span(` ${value.zh}`, languageTags.zh, 'ui-zh'),
  );
  return fragment;
}

/** Sets `element`'s attribute `name` to `value` in the mode of the moment, and in the next one's when it changes. */
export function sayAttribute(element: Element, name: string, value: Localized): void {
  for (const [attribute, text] of Object.entries(localizedAttribute(name, value))) {
    element.setAttribute(attribute, text);
  }
  element.setAttribute(name, sayText(value));
}
