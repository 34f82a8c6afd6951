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
