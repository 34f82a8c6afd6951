/**
 * The one script every page runs inline, before its first paint: it
 * applies the language mode (from `?lang=`, else the remembered choice,
 * else the one duet.config.ts names for a first visit, `languageMode`) so
 * the page never flashes the wrong language (where storage is off, as in
 * private mode, it is that first one). Without JavaScript it never runs and
 * every turn shows both languages. Written small, in a block of its own:
 * every page carries it.
 *
 * Its text is a module of its own because two places need the very same
 * characters: the layout writes it into the page, and the
 * Content-Security-Policy allows it by its hash (src/integrations/csp.ts).
 */
import settings from '../../duet.config.ts';
import { languageModes, QUERY_PARAM, STORAGE_KEY } from './language-mode.ts';

const json = JSON.stringify;

export const modeScript =
  `{let m=new URLSearchParams(location.search).get(${json(QUERY_PARAM)}),k=${json(languageModes)};` +
  `try{k.indexOf(m)<0&&(m=localStorage.getItem(${json(STORAGE_KEY)}))}catch(e){}` +
  `document.documentElement.dataset.lang=k.indexOf(m)<0?${json(settings.languageMode)}:m}`;
