/**
 * The search field's behaviour, loaded the first time the reader focuses
 * the field or types in it: results as the reader types, filters, the
 * keyboard path through the results, and landing on a turn of this page
 * without reloading it.
 */
import { basePath } from '../../lib/address.ts';
import { landingHref, readLanding } from '../../lib/search/landing-address.ts';
import { snippet } from '../../lib/search/snippet.ts';
import { INPUT_MARK, RESULTS_MEASURE } from '../../lib/search/measure-names.ts';
import type { Hit, SearchOutcome } from '../../lib/search/rank.ts';
import { isLanguage, languageTags } from '../../lib/transcript/language.ts';
import { countTurns, fill, searchStrings, strings, timeStrings } from '../../lib/strings.ts';
import { formatTime } from '../../lib/transcript/times.ts';
import type { Localized } from '../../lib/localized.ts';
import { sayAloud, sayAttribute, sayNode } from '../say.ts';
import { searchTurns, type SearchFilters } from './engine.ts';
import { searchGlossary, type TermHit } from './glossary.ts';
import { clearHighlights, land, turnFromHash } from './landing.ts';
import { buildPanel } from './panel.ts';
import { adoptPanelStyle } from './panel-style.ts';
import { preloadSiteIndex } from './site.ts';
import { PERMALINK } from '../transcript-turns.ts';

/**
 * Inputs closer together than this (a key held down, a burst of an input
 * method) are searched once, at the last of them. An input after a pause,
 * as every keystroke of ordinary typing is, is searched at once: a delay
 * there would be waiting for nothing.
 */
const BURST_MS = 30;

interface Parts {
  input: HTMLInputElement;
  panel: HTMLElement;
  status: HTMLElement;
  announcer: HTMLElement;
  list: HTMLOListElement;
  speaker: HTMLSelectElement | null;
  language: HTMLSelectElement | null;
  /** On a reader page of a site with other transcripts: the press that widens the search. */
  wide: HTMLButtonElement | null;
}

function parts(root: HTMLElement): Parts {
  const find = <T extends Element>(selector: string) => {
    const element = root.querySelector<T>(selector);
    if (!element) throw new Error(`The search is missing ${selector}`);
    return element;
  };
  // The page's live region (Base.astro), shared with the turns' buttons.
  const announcer = document.querySelector<HTMLElement>('[data-announcer]');
  if (!announcer) throw new Error('The page is missing its live region [data-announcer]');
  const input = find<HTMLInputElement>('input[type="search"]');
  return {
    announcer,
    input,
    panel: buildPanel(root, input),
    status: find<HTMLElement>('[data-search-status]'),
    list: find<HTMLOListElement>('[data-search-results]'),
    speaker: root.querySelector('select[data-filter="speaker"]'),
    language: root.querySelector('select[data-filter="language"]'),
    wide: root.querySelector('button[data-filter="wide"]'),
  };
}

function span(className: string, text: string | Localized): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.append(typeof text === 'string' ? text : sayNode(text));
  return element;
}

function resultItem(hit: Hit, currentSlug: string | undefined): HTMLLIElement {
  const link = document.createElement('a');
  link.className = 'search-result';
  link.href = landingHref(hit, basePath());

  const head = span('search-result-head', '');
  // The badge is for the eye; a screen reader hears the language in words.
  const badge = span(
    'search-result-language',
    (hit.language === 'zh' ? searchStrings.foundInZh : searchStrings.foundInEn).en,
  );
  badge.lang = languageTags[hit.language];
  badge.setAttribute('aria-hidden', 'true');
  head.append(
    span('search-result-speaker', hit.speaker),
    span('search-result-turn', fill(strings.turnNumber, { number: hit.turn })),
    ...(hit.start === undefined
      ? []
      : [span('search-result-time', fill(timeStrings.at, { time: formatTime(hit.start) }))]),
    badge,
    span(
      'visually-hidden',
      hit.language === 'zh' ? searchStrings.foundInZhName : searchStrings.foundInEnName,
    ),
  );
  link.append(head);
  if (hit.slug !== currentSlug) link.append(span('search-result-title', hit.transcript));

  const quote = span('search-result-excerpt', '');
  quote.lang = languageTags[hit.language];
  for (const piece of snippet(hit.text, hit.marks, hit.language)) {
    if (!piece.marked) {
      quote.append(piece.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = piece.text;
    quote.append(mark);
  }
  link.append(quote);

  const item = document.createElement('li');
  item.append(link);
  return item;
}

/** A glossary term the query names: its Chinese and English, linked to its row on the glossary page. */
function termItem(term: TermHit): HTMLLIElement {
  const link = document.createElement('a');
  link.className = 'search-term';
  link.href = term.href;
  const head = span('search-result-head', '');
  head.append(span('search-result-turn', strings.glossary));
  const zh = span('search-term-zh', term.zh);
  zh.lang = languageTags.zh;
  const en = span('search-term-en', term.abbr ? `${term.en} (${term.abbr})` : term.en);
  en.lang = languageTags.en;
  // Spaces between the parts, so a screen reader hears them apart.
  link.append(head, ' ', zh, ' ', en);
  const item = document.createElement('li');
  item.append(link);
  return item;
}

/** `narrow`: a reader page searched its own turns only, so widening is one more thing to try. */
function statusText(outcome: SearchOutcome | undefined, query: string, narrow: boolean): Localized {
  const count = outcome?.hits.length ?? 0;
  if (count === 0) {
    const found = fill(searchStrings.noResults, { query: outcome?.query.text ?? query.trim() });
    const hint = narrow ? searchStrings.noResultsHintWiden : searchStrings.noResultsHint;
    return { en: `${found.en} ${hint.en}`, zh: `${found.zh}${hint.zh}` };
  }
  if (outcome?.more) return fill(searchStrings.moreResults, { count });
  return countTurns(count);
}

export function attach(root: HTMLElement): void {
  adoptPanelStyle();
  const { input, panel, status, announcer, list, speaker, language, wide } = parts(root);
  const currentSlug = root.dataset.transcript || undefined;
  /** Counts searches, so a slower, older one never overwrites a newer one's results. */
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The latest search. Every change either starts one at once (a filter) or
   * sets the timer (typing), so with no timer set, it answers what is asked now.
   */
  let current: Promise<void> = Promise.resolve();

  // Glossary terms the query names follow the turns, in a list of their own.
  const termList = document.createElement('ol');
  termList.className = 'search-terms';
  sayAttribute(termList, 'aria-label', strings.glossary);
  list.after(termList);

  const links = () => [
    ...list.querySelectorAll<HTMLAnchorElement>('a.search-result'),
    ...termList.querySelectorAll<HTMLAnchorElement>('a.search-term'),
  ];
  const open = () => {
    panel.hidden = false;
  };
  const close = () => {
    panel.hidden = true;
  };

  const filters = (): SearchFilters => {
    const speakerValue = speaker?.value || undefined;
    const languageValue = language?.value;
    return {
      speaker: speakerValue,
      language: isLanguage(languageValue) ? languageValue : undefined,
      current: currentSlug,
      wide: wide?.getAttribute('aria-pressed') === 'true',
    };
  };

  const setStatus = (text: Localized | undefined, state: string | undefined) => {
    status.replaceChildren(...(text ? [sayNode(text)] : []));
    if (state) status.dataset.state = state;
    else delete status.dataset.state;
  };

  const show = (outcome: SearchOutcome | undefined, query: string, final: boolean) => {
    // Later rounds of results replace the list: a reader walking it keeps their place.
    const focused = links().indexOf(document.activeElement as HTMLAnchorElement);
    list.replaceChildren(...(outcome?.hits ?? []).map((hit) => resultItem(hit, currentSlug)));
    if (focused >= 0) (links()[focused] ?? input).focus();
    const text = statusText(outcome, query, wide !== null && !filters().wide);
    setStatus(text, outcome?.hits.length ? 'results' : 'empty');
    // Screen readers hear the final count once, not every round or keystroke.
    if (final) announcer.textContent = sayAloud(text);
  };

  const run = (): Promise<void> => {
    const id = ++latest;
    const value = input.value;
    let measured = false;
    const showOnce = (outcome: SearchOutcome | undefined, final: boolean) => {
      show(outcome, value, final);
      // The first results on screen for this input end the measure the benchmark reads.
      if (!measured) performance.measure(RESULTS_MEASURE, INPUT_MARK);
      measured = true;
    };
    if (!value.trim()) {
      list.replaceChildren();
      termList.replaceChildren();
      setStatus(undefined, undefined);
      close();
      return Promise.resolve();
    }
    open();
    setStatus(searchStrings.searching, 'searching');
    const isCurrent = () => id === latest;
    const terms = searchGlossary(value);
    return searchTurns(value, filters(), {
      isCurrent,
      onProgress: (partial) => showOnce(partial, false),
    }).then(
      async (outcome) => {
        const named = await terms;
        if (!isCurrent()) return;
        termList.replaceChildren(...named.map(termItem));
        showOnce(outcome, true);
      },
      (error: unknown) => {
        if (!isCurrent()) return;
        list.replaceChildren();
        termList.replaceChildren();
        // `astro dev` serves no index: tell the author, not the reader's connection, what is wrong.
        const message = import.meta.env.DEV
          ? searchStrings.devUnavailable
          : searchStrings.unavailable;
        setStatus(message, 'error');
        announcer.textContent = sayAloud(message);
        console.error(error);
      },
    );
  };

  const runNow = () => {
    clearTimeout(timer);
    timer = undefined;
    current = run();
  };

  let lastInput = -Infinity;
  const schedule = () => {
    performance.mark(INPUT_MARK);
    clearHighlights();
    const now = performance.now();
    const inBurst = now - lastInput < BURST_MS;
    lastInput = now;
    if (!inBurst) return runNow();
    clearTimeout(timer);
    timer = setTimeout(runNow, BURST_MS);
  };

  // Keys pressed to compose Chinese with an input method are not the reader's commands.
  const composing = (event: KeyboardEvent | InputEvent) =>
    event.isComposing || ('keyCode' in event && event.keyCode === 229);

  input.addEventListener('input', (event) => {
    if (!composing(event as InputEvent)) schedule();
  });
  input.addEventListener('compositionend', schedule);
  input.addEventListener('focus', () => {
    if (input.value.trim() && status.textContent) open();
  });
  for (const select of [speaker, language]) {
    select?.addEventListener('change', () => {
      performance.mark(INPUT_MARK);
      runNow();
    });
  }
  wide?.addEventListener('click', () => {
    const pressed = wide.getAttribute('aria-pressed') !== 'true';
    wide.setAttribute('aria-pressed', String(pressed));
    if (pressed) preloadSiteIndex().catch(() => undefined);
    performance.mark(INPUT_MARK);
    runNow();
  });

  /** Opens the first result of what the field holds now, waiting for its search if need be. */
  const openFirst = async () => {
    if (timer !== undefined) runNow();
    await current;
    links()[0]?.click();
  };

  // The form's button, as Enter below.
  root.querySelector('form')?.addEventListener('submit', () => {
    if (input.value.trim()) void openFirst();
  });

  root.addEventListener('keydown', (event) => {
    if (composing(event)) return;
    const target = event.target as Element;
    const items = links();
    const index = items.indexOf(target as HTMLAnchorElement);
    // The arrow keys are the results' only where they move nothing else (a filter's list).
    const walking = target === input || index >= 0;
    const focusItem = (next: number) => {
      event.preventDefault();
      if (next < 0) input.focus();
      else items[Math.min(next, items.length - 1)]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        if (!walking || items.length === 0) return;
        open();
        focusItem(index + 1);
        break;
      case 'ArrowUp':
        if (index < 0) return;
        focusItem(index - 1);
        break;
      case 'Home':
      case 'End':
        if (index < 0) return;
        focusItem(event.key === 'Home' ? 0 : items.length - 1);
        break;
      case 'Enter':
        // Enter in the field opens the first result, as in any search box.
        if (target !== input || !input.value.trim()) return;
        event.preventDefault();
        void openFirst();
        break;
      case 'Escape':
        // The results open, Escape closes them; closed, it clears the field, and the reader
        // leaves it for its button (./start.ts).
        if (panel.hidden) {
          input.value = '';
          return;
        }
        event.preventDefault();
        close();
        input.focus();
        break;
    }
  });

  // The panel closes when the reader tabs away from the search or presses outside it. Focus
  // leaving for nowhere (a result replaced by a newer one, a press on the panel's padding)
  // keeps it open; some browsers do not focus a link when it is pressed.
  root.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !root.contains(next)) close();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!root.contains(event.target as Node)) close();
  });

  // A result on this very page lands without a reload, keeping the reader's place in history.
  list.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.search-result');
    if (!link) return;
    const url = new URL(link.href);
    const landing = readLanding(url);
    const turn = turnFromHash(url.hash);
    if (url.pathname !== location.pathname || !landing || !turn) return;
    event.preventDefault();
    close();
    const arrive = () => {
      void land(turn, landing.language, landing.marks);
      turn.querySelector<HTMLElement>(PERMALINK)?.focus({ preventScroll: true });
    };
    if (location.hash === url.hash) {
      turn.scrollIntoView();
      arrive();
    } else {
      // Land once the address has changed, so the highlight outlives this change but not the next.
      window.addEventListener('hashchange', arrive, { once: true });
      location.hash = url.hash;
    }
  });

  // The field has focus: where the site index will be searched, fetch its manifest now, so the
  // first query waits for less. A reader page searches its own turns until widened.
  if (!currentSlug) preloadSiteIndex().catch(() => undefined);
  if (document.activeElement === input && input.value.trim()) schedule();
}
