/**
 * The one script every page runs inline, before its first paint: it
 * applies the language mode (from `?lang=`, else the remembered choice,
 * else the one duet.config.ts names for a first visit, `languageMode`) so
 * the page never flashes the wrong language (where storage is off, as in
 * private mode, it is that first one), and gives `<html lang>` the
 * interface's language (Chinese in 中文 mode, else English, as Both
 * writes English first), so screen readers voice it so; it marks the reading aids that
 * are remembered (src/client/reading-aids/state.ts), so the room for pinyin
 * is kept and the toggles drawn pressed from the first paint; and it sets
 * the turns' text size (./text-size.ts), so a remembered size moves
 * nothing as the page loads. Without JavaScript it never runs and every
 * turn shows both languages. Written small, in a block of its own: every
 * page carries it.
 *
 * Its text is a module of its own because two places need the very same
 * characters: the layout writes it into the page, and the
 * Content-Security-Policy allows it by its hash (src/integrations/csp.ts).
 */
import settings from '../../duet.config.ts';
import { languageModes, QUERY_PARAM, STORAGE_KEY } from './language-mode.ts';
import { AID_STORAGE_PREFIX, readingAids } from './reading-aids/state.ts';
import { DEFAULT_TEXT_SIZE, TEXT_SIZE_STORAGE_KEY } from './text-size.ts';
import { languageTags } from '../lib/transcript/language.ts';

const json = JSON.stringify;

export const modeScript =
  `{let m=new URLSearchParams(location.search).get(${json(QUERY_PARAM)}),k=${json(languageModes)},h=document.documentElement,d=h.dataset,s;` +
  `try{k.includes(m)||(m=localStorage.getItem(${json(STORAGE_KEY)}));` +
  `for(let a of ${json(readingAids)})localStorage.getItem(${json(AID_STORAGE_PREFIX)}+a)&&(d[a]="");` +
  `s=localStorage.getItem(${json(TEXT_SIZE_STORAGE_KEY)})}catch{}` +
  `d.lang=k.includes(m)?m:${json(settings.languageMode)};` +
  `h.lang=d.lang=="zh"?${json(languageTags.zh)}:${json(languageTags.en)};` +
  `d.textSize=s||${json(DEFAULT_TEXT_SIZE)}}`;
