/**
 * The page-wide language mode and where it is remembered. Shared by the
 * inline script that applies it before first paint and by the controls.
 */
export const languageModes = ['zh', 'en', 'both'] as const;
export type LanguageMode = (typeof languageModes)[number];

export const STORAGE_KEY = 'duet:language';
export const QUERY_PARAM = 'lang';

export function isLanguageMode(value: unknown): value is LanguageMode {
  return languageModes.includes(value as LanguageMode);
}
