/**
 * Interface text made by script, in the page's language mode, as the
 * pages' own is (src/lib/localized.ts): `sayNode` for what stays on the
 * page (it follows a later switch of mode through the CSS, as the page's
 * text does), `sayText` for what is said once (the live region, a
 * `title`) in the mode of the moment.
 */
import { inMode, isSame, type Localized } from '../lib/localized.ts';
import { isLanguageMode } from './language-mode.ts';
import { languageTags } from '../lib/transcript/language.ts';

/** The page's language mode; Both where there is none. */
function mode() {
  const { lang } = document.documentElement.dataset;
  return isLanguageMode(lang) ? lang : 'both';
}

/** The text in the mode of the moment. */
export function sayText(value: Localized): string {
  return inMode(value, mode());
}

/** The text as the pages write it (Say.astro): a span per language, which the CSS shows by mode. */
export function sayNode(value: Localized): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (isSame(value)) {
    fragment.append(value.en);
    return fragment;
  }
  const en = document.createElement('span');
  en.className = 'ui-en';
  en.lang = languageTags.en;
  en.textContent = value.en;
  const zh = document.createElement('span');
  zh.className = 'ui-zh';
  zh.lang = languageTags.zh;
  // The space is the Chinese span's, as Say.astro's is (it says why).
  zh.textContent = ` ${value.zh}`;
  fragment.append(en, zh);
  return fragment;
}
