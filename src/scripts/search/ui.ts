/**
 * The search field's behaviour, loaded the first time the reader focuses
 * the field or types in it: results as the reader types, filters, the
 * keyboard path through the results, and landing on a turn of this page
 * without reloading it.
 */
import { landingHref, readLanding } from '../../search/landing-address.ts';
import { excerpt } from '../../search/excerpt.ts';
import { languageTags, type Language } from '../../transcript/language.ts';
import { fill, searchStrings as strings } from '../../ui/search-strings.ts';
import { searchTurns, type Hit, type SearchFilters, type SearchOutcome } from './engine.ts';
import { clearHighlights, land } from './landing.ts';
import { loadPagefind } from './pagefind.ts';

/** Long enough to skip the keystrokes of a word typed fast, short enough to feel instant. */
const DEBOUNCE_MS = 30;

/** Marks read by the benchmark: from the last keystroke to results on screen. */
export const INPUT_MARK = 'duet:search-input';
export const RESULTS_MEASURE = 'duet:search-results';

interface Parts {
  input: HTMLInputElement;
  panel: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
  speaker: HTMLSelectElement | null;
  language: HTMLSelectElement | null;
}

function parts(root: HTMLElement): Parts {
  const find = <T extends Element>(selector: string) => {
    const element = root.querySelector<T & Element>(selector);
    if (!element) throw new Error(`The search is missing ${selector}`);
    return element;
  };
  return {
    input: find<HTMLInputElement>('input[type="search"]'),
    panel: find<HTMLElement>('[data-search-panel]'),
    status: find<HTMLElement>('[data-search-status]'),
    list: find<HTMLOListElement>('[data-search-results]'),
    speaker: root.querySelector('select[data-filter="speaker"]'),
    language: root.querySelector('select[data-filter="language"]'),
  };
}

function resultItem(hit: Hit, currentSlug: string | undefined): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'search-result';
  link.href = landingHref({
    slug: hit.slug,
    turn: hit.turn,
    language: hit.language,
    marks: hit.marks,
  });

  const head = document.createElement('span');
  head.className = 'search-result-head';
  const speaker = document.createElement('span');
  speaker.className = 'search-result-speaker';
  speaker.textContent = hit.speaker;
  const turn = document.createElement('span');
  turn.className = 'search-result-turn';
  turn.textContent = fill(strings.turn, { number: hit.turn });
  const found = document.createElement('abbr');
  found.className = 'search-result-language';
  found.textContent = hit.language === 'zh' ? strings.foundInZh : strings.foundInEn;
  found.title = hit.language === 'zh' ? strings.foundInZhName : strings.foundInEnName;
  head.append(speaker, turn, found);
  link.append(head);

  if (hit.slug !== currentSlug) {
    const title = document.createElement('span');
    title.className = 'search-result-title';
    title.textContent = hit.transcript;
    link.append(title);
  }

  const quote = document.createElement('span');
  quote.className = 'search-result-excerpt';
  quote.lang = languageTags[hit.language];
  for (const piece of excerpt(hit.text, hit.ranges, hit.language)) {
    if (piece.marked) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      quote.append(mark);
    } else {
      quote.append(piece.text);
    }
  }
  link.append(quote);
  item.append(link);
  return item;
}

export function attach(root: HTMLElement): void {
  const { input, panel, status, list, speaker, language } = parts(root);
  const currentSlug = root.dataset.transcript || undefined;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a.search-result')];
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
      language: languageValue === 'zh' || languageValue === 'en' ? languageValue : undefined,
      // A speaker's name means this transcript's speaker on a reader page.
      transcript: speakerValue ? currentSlug : undefined,
    };
  };

  let measured = false;
  const show = (outcome: SearchOutcome) => {
    // Later rounds of results replace the list: a reader walking it keeps their place.
    const focused = links().indexOf(document.activeElement as HTMLAnchorElement);
    list.replaceChildren(...outcome.hits.map((hit) => resultItem(hit, currentSlug)));
    if (focused >= 0) (links()[focused] ?? input).focus();
    if (outcome.hits.length === 0) {
      status.textContent = `${fill(strings.noResults, { query: outcome.query.text })} ${strings.noResultsHint}`;
      status.dataset.state = 'empty';
    } else {
      const count =
        outcome.hits.length === 1
          ? strings.oneResult
          : fill(strings.manyResults, { count: outcome.hits.length });
      status.textContent = outcome.more
        ? fill(strings.moreResults, { count: outcome.hits.length })
        : count;
      status.dataset.state = 'results';
    }
    // The first results on screen for this input end the measure the benchmark reads.
    if (!measured) performance.measure(RESULTS_MEASURE, INPUT_MARK);
    measured = true;
  };

  const run = async () => {
    const id = ++latest;
    const value = input.value;
    measured = false;
    if (!value.trim()) {
      list.replaceChildren();
      status.textContent = '';
      delete status.dataset.state;
      close();
      return;
    }
    open();
    status.textContent = strings.searching;
    status.dataset.state = 'searching';
    try {
      const outcome = await searchTurns(value, filters(), (partial) => {
        if (id === latest) show(partial);
      });
      // A newer keystroke has started its own search: this one's results are stale.
      if (id !== latest) return;
      if (outcome) show(outcome);
      else {
        list.replaceChildren();
        status.textContent = `${fill(strings.noResults, { query: value.trim() })} ${strings.noResultsHint}`;
        status.dataset.state = 'empty';
      }
    } catch (error) {
      if (id !== latest) return;
      list.replaceChildren();
      status.textContent = strings.unavailable;
      status.dataset.state = 'error';
      console.error(error);
    }
  };

  const schedule = () => {
    performance.mark(INPUT_MARK);
    clearHighlights();
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };

  input.addEventListener('input', schedule);
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.childElementCount + (status.textContent ? 1 : 0) > 0) open();
  });
  for (const select of [speaker, language]) {
    select?.addEventListener('change', () => {
      performance.mark(INPUT_MARK);
      void run();
    });
  }

  root.addEventListener('keydown', (event) => {
    const items = links();
    const index = items.indexOf(document.activeElement as HTMLAnchorElement);
    const focusItem = (next: number) => {
      event.preventDefault();
      if (next < 0) input.focus();
      else items[Math.min(next, items.length - 1)]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        if (items.length === 0) return;
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
        if (event.target === input && items[0]) {
          event.preventDefault();
          items[0].click();
        }
        break;
      case 'Escape':
        if (panel.hidden && !input.value) return;
        event.preventDefault();
        if (panel.hidden) input.value = '';
        close();
        input.focus();
        break;
    }
  });

  // The panel closes when focus leaves the search, for a click elsewhere or Tab past the results.
  // Checked a moment later: a result being replaced by a newer one also sends focusout.
  root.addEventListener('focusout', () => {
    setTimeout(() => {
      if (!root.contains(document.activeElement)) close();
    });
  });

  // A result on this very page lands without a reload, keeping the reader's place in history.
  list.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.search-result');
    if (!link) return;
    const url = new URL(link.href);
    const landing = readLanding(url);
    if (url.pathname !== location.pathname || !landing) return;
    const turn = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (!turn) return;
    event.preventDefault();
    close();
    if (location.hash === url.hash) turn.scrollIntoView();
    else location.hash = url.hash;
    land(turn, landing.language as Language, landing.marks);
    turn.querySelector<HTMLElement>('.permalink')?.focus({ preventScroll: true });
  });

  // The field has focus: fetch the index now, so the first query waits for less.
  loadPagefind().catch(() => undefined);
  if (document.activeElement === input && input.value.trim()) schedule();
}
