/**
 * The page-wide language mode and where it is remembered. Shared by the
 * inline script that applies it before first paint (./mode-script.ts), the
 * switch that changes it (./language-control.ts) and the site's settings,
 * which name the first one.
 */
export const languageModes = ['zh', 'en', 'both'] as const;
export type LanguageMode = (typeof languageModes)[number];

export const STORAGE_KEY = 'duet:language';
export const QUERY_PARAM = 'lang';
