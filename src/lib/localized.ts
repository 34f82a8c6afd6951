/**
 * Text in both languages: an interface string (src/lib/strings.ts), or a
 * front-matter field an author gave as `{ zh, en }` (one plain string
 * stands for both). Pages carry both and the CSS shows the one the page's
 * language mode asks for (`<html data-lang>`, global.css's `.ui-en` and
 * `.ui-zh`): a switch of mode needs no script and no request, the first
 * paint is already in the reader's language, and without JavaScript (no
 * mode) both show, as in Both. English first, as a reader of Both reads
 * the interface: "Glossary 术语表".
 */
import type { LanguageMode } from '../client/language-mode.ts';
import { languageTags, lettersOf, scriptLanguage } from './transcript/language.ts';

export interface Localized {
  readonly en: string;
  readonly zh: string;
}

/** One text for both languages: a name, or a field given once. */
export function same(text: string): Localized {
  return { en: text, zh: text };
}

/** Whether the two languages say the same: shown once, wherever it is shown. */
export function isSame(value: Localized): boolean {
  return value.en === value.zh;
}

/**
 * The `lang` of a text written once, by its script: the page's own
 * language changes with the mode (`<html lang>`), so a name such as 主持人
 * or Josh says which it is. None for a text without letters.
 */
export function onceTag(value: Localized): string | undefined {
  const language = scriptLanguage(lettersOf(value.en));
  return language && languageTags[language];
}

/** The text as a reader in `mode` reads it: one language, or both ("Glossary 术语表"), once when the same. */
export function inMode(value: Localized, mode: LanguageMode, separator = ' '): string {
  if (mode === 'zh') return value.zh;
  if (mode === 'en' || isSame(value)) return value.en;
  return `${value.en}${separator}${value.zh}`;
}

/** Both languages in one string, for places that cannot switch with the mode (a `<title>`, a feed). */
export function bothLanguages(value: Localized, separator = ' '): string {
  return inMode(value, 'both', separator);
}

/**
 * An attribute in both languages (a `placeholder`, an `aria-label`), which
 * the CSS cannot switch: written as Both reads it ("Search quotes
 * 搜索原话"), as the page reads without script, with each language beside
 * it (`data-say` names the attribute, `data-say-en` and `data-say-zh`
 * hold them) for the page's first script to set the mode's
 * (src/client/language-control.ts). Spread into the element:
 * `<nav {...localizedAttribute('aria-label', text)}>`.
 */
export function localizedAttribute(name: string, value: Localized): Record<string, string> {
  if (isSame(value)) return { [name]: value.en };
  return {
    [name]: bothLanguages(value),
    'data-say': name,
    'data-say-en': value.en,
    'data-say-zh': value.zh,
  };
}
