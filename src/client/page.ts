/**
 * Every page's one module script, inlined in its first view and run once
 * the page is parsed (Base.astro): the language switch
 * (./language-control.ts), the search field's start (./search/start.ts)
 * and, on a page with a transcript's turns, the reader's (./reader.ts). One script rather than one for each, as the
 * page's Content-Security-Policy names each inline script by its hash. It
 * imports nothing that the code it loads later imports
 * (src/integrations/chunk-url.ts says why).
 */
import { startLanguage } from './language-control.ts';
import { startSearch } from './search/start.ts';
import { startReader } from './reader.ts';

startLanguage();

const search = document.querySelector<HTMLElement>('site-search');
if (search) startSearch(search);
if (document.querySelector('transcript-turns')) startReader();
