/** Dates as the pages show them: a front matter's `2025-03-14` reads "14 March 2025" and "2025年3月14日". */
import type { Localized } from './localized.ts';

const long = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
const formats = { en: long('en-GB'), zh: long('zh-Hans') };

export function formatDate(date: string): Localized {
  const day = new Date(`${date}T00:00:00Z`);
  return { en: formats.en.format(day), zh: formats.zh.format(day) };
}
