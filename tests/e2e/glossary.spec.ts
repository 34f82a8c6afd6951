/**
 * The glossary as a reader meets it: a transcript's glossary page and the
 * site's, its index of initials and a page of terms for each, each term
 * with its pinyin, the site's in pinyin order; the
 * reader's link to them; and the marked English terms, which offer their
 * Chinese term and its pinyin to a pointer, to the keyboard and to a screen
 * reader. Expected terms come from the corpus, parsed as the build parses
 * it, and their pinyin from pinyin-pro reading each term.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pinyin } from 'pinyin-pro';
import { initialOf, pinyinKey, termIds } from '../../src/lib/glossary-index.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { countTerms, fill, strings } from '../../src/lib/strings.ts';
import { corpus, seed } from '../support/corpus.ts';
import { english, READER, TEXT, turn } from './pages.ts';

const glossed = corpus.filter(({ transcript }) => transcript.glossary.length > 0);
const unglossed = corpus.filter(({ transcript }) => transcript.glossary.length === 0);
const { glossary } = seed.transcript;

/** A term's pinyin as pinyin-pro reads it, in tone marks, its syllables a space apart. */
const readingOf = (zh: string) => pinyin(zh, { nonZh: 'consecutive' }).replace(/\s+/g, ' ');

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test('the corpus has transcripts with and without a glossary', () => {
  expect(glossary.length).toBeGreaterThan(0);
  expect(unglossed.length).toBeGreaterThan(0);
});

test('a reader links to its transcript’s glossary, which lists every term with its turns', async ({
  page,
}) => {
  await page.goto(READER);
  await page.getByRole('link', { name: 'Glossary 术语表', exact: true }).click();
  await expect(page).toHaveURL(`${seed.href}glossary/`);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(glossary.length);
  await expect(page.getByRole('columnheader').nth(1)).toHaveText('Pinyin 拼音');
  for (const [index, entry] of glossary.entries()) {
    const row = rows.nth(index);
    await expect(row.getByRole('rowheader')).toHaveText(entry.zh);
    await expect(row.locator('th[lang="zh-Hans"]')).toHaveText(entry.zh);
    await expect(row.locator('td[lang="zh-Latn-pinyin"]')).toHaveText(readingOf(entry.zh));
    await expect(row.locator('td[lang="en"]')).toContainText(entry.en);
    const links = row.getByRole('link');
    await expect(links).toHaveCount(entry.turns.length);
    for (const [turnIndex, { number, inEnglish }] of entry.turns.entries()) {
      await expect(links.nth(turnIndex)).toHaveAttribute('href', new RegExp(`#turn-${number}$`));
      const flag = row
        .locator('li')
        .nth(turnIndex)
        .getByText(/not in this turn’s English/);
      await expect(flag).toHaveCount(inEnglish ? 0 : 1);
    }
  }
});

test('a glossary’s turn link lands on the turn that glosses the term', async ({ page }) => {
  const entry = glossary.find(({ turns }) => turns.length > 0)!;
  const { number } = entry.turns[0]!;
  await page.goto(`${seed.href}glossary/`);
  await page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: entry.zh, exact: true }) })
    .getByRole('link', { name: bothLanguages(fill(strings.turnNumber, { number })), exact: true })
    .click();
  await expect(page).toHaveURL(`${seed.href}#turn-${number}`);
  const target = turn(page, number);
  await expect(target).toBeInViewport();
  await expect(target.locator(TEXT.zh)).toContainText(`${entry.zh}(`);
});

test('a transcript without glossed terms has no glossary link and no glossary page', async ({
  page,
}) => {
  const [plain] = unglossed;
  await page.goto(plain!.href);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Glossary 术语表', exact: true })).toHaveCount(0);
  const response = await page.goto(`${plain!.href}glossary/`);
  expect(response?.status()).toBe(404);
});

/** Every term of the corpus, with the transcript that glosses it, its row's id there, and its initial. */
const siteTerms = glossed.flatMap(({ transcript, slug }) => {
  const ids = termIds(transcript.glossary);
  return transcript.glossary.map((entry, index) => ({
    ...entry,
    slug,
    id: ids[index]!,
    initial: initialOf({ pinyin: [readingOf(entry.zh)] }),
  }));
});
const initials = [...new Set(siteTerms.map(({ initial }) => initial))].sort();

test('the site’s glossary, linked from /, lists its initials, each linked to its page of terms', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Glossary 术语表', exact: true }).click();
  await expect(page).toHaveURL('/glossary/');
  const letters = page.locator('.glossary-index > li > a');
  await expect(letters.locator('.initial')).toHaveText(
    initials.map((initial) => initial.toUpperCase()),
  );
  for (const [index, initial] of initials.entries()) {
    const count = new Set(
      siteTerms
        .filter((term) => term.initial === initial)
        .map(({ zh, en }) => `${zh} ${en.toLowerCase()}`),
    ).size;
    await expect(letters.nth(index)).toHaveAttribute('href', `/glossary/${initial}/`);
    await expect(letters.nth(index).locator('.count')).toHaveText(bothLanguages(countTerms(count)));
  }
  await letters.nth(1).click();
  await expect(page).toHaveURL(`/glossary/${initials[1]}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Glossary 术语表 · ${initials[1]!.toUpperCase()}`,
  );
});

test('each page of the site’s glossary lists its initial’s terms by pinyin, with the transcripts that gloss them', async ({
  page,
}) => {
  const shown: string[] = [];
  for (const initial of initials) {
    await page.goto(`/glossary/${initial}/`);
    // The initials, this one marked, each linked to its page.
    const bar = page.getByRole('navigation', { name: 'Initials 首字母' });
    await expect(bar.getByRole('link')).toHaveText(initials.map((letter) => letter.toUpperCase()));
    await expect(
      bar.getByRole('link', { name: initial.toUpperCase(), exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    const terms = siteTerms.filter((term) => term.initial === initial);
    for (const term of terms) {
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: term.zh, exact: true }) })
        .filter({ hasText: term.en });
      const title = corpus.find(({ slug }) => slug === term.slug)!.transcript.title;
      await expect(
        row.getByRole('link', { name: bothLanguages(title), exact: true }),
      ).toHaveAttribute('href', `/${term.slug}/glossary/#${term.id}`);
      await expect(row.locator('td[lang="zh-Latn-pinyin"]')).toHaveText(readingOf(term.zh));
    }
    const readings = await page.locator('td[lang="zh-Latn-pinyin"]').allTextContents();
    expect(readings).toHaveLength(
      new Set(terms.map(({ zh, en }) => `${zh} ${en.toLowerCase()}`)).size,
    );
    shown.push(...readings);
  }
  // In the order of the pinyin the rows show, page after page, syllable by syllable, letters before tones.
  const keys = shown.map((reading) => pinyinKey([reading]));
  expect(keys).toEqual(keys.toSorted());
  // A row's link lands on the term's row on its transcript's glossary.
  const last = siteTerms.find(({ initial }) => initial === initials.at(-1))!;
  await page.locator(`a[href="/${last.slug}/glossary/#${last.id}"]`).click();
  await expect(page.locator('tr:target').getByRole('rowheader')).toHaveText(last.zh);
});

test('an address of a term on the glossary’s index, from before it had pages, lands on the term’s row', async ({
  page,
}) => {
  const term = siteTerms.find(({ initial }) => initial === initials.at(-1))!;
  await page.goto(`/glossary/#${term.id}`);
  await expect(page).toHaveURL(`/glossary/${term.initial}/#${encodeURIComponent(term.id)}`);
  await expect(page.locator('tr:target').getByRole('rowheader')).toHaveText(term.zh);
});

/** The seed's first turn whose English marks a term, that term, and what its tooltip says. */
const marked = seed.transcript.turns.find(({ en }) => en.html.includes('class="gloss"'))!;
const firstMark = /<span class="gloss" title="([^"&]+)">([^<]+)<\/span>/.exec(marked.en.html)!;
const [, markZh, markText] = firstMark;
const markTip = `${markZh} ${readingOf(markZh!)}`;

test('a marked term shows its Chinese term and pinyin when pointed at, and keeps the text as written', async ({
  page,
}) => {
  await page.goto(`${READER}#turn-${marked.number}`);
  await expect(english(page, marked.number)).toHaveText(marked.en.text);
  const mark = english(page, marked.number).locator('.gloss').first();
  await expect(mark).toHaveText(markText!);
  await mark.hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(markTip);
  await expect(tip).toHaveAttribute('lang', 'zh-Hans');
  await expect(tip.locator('[lang="zh-Latn-pinyin"]')).toHaveText(readingOf(markZh!));
  // Pointing elsewhere closes it.
  await page.locator('h1').hover();
  await expect(tip).toBeHidden();
});

test('a marked term is reached by Tab, shows its Chinese term and pinyin and is described by them', async ({
  page,
}) => {
  await page.goto(`${READER}#turn-${marked.number}`);
  const mark = english(page, marked.number).locator('.gloss').first();
  // From the control just before the turn's text, Tab reaches the mark.
  await turn(page, marked.number).locator('header button').last().focus();
  await page.keyboard.press('Tab');
  await expect(mark).toBeFocused();
  const outline = await mark.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(markTip);
  await expect(mark).toHaveAccessibleDescription(markTip);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.keyboard.press('Shift+Tab');
  await expect(tip).toBeHidden();
});

/** A glossary term among the search's results, by its Chinese term. */
const termResult = (page: Page, zh: string) =>
  page.locator('a.search-term').filter({
    has: page.locator('.search-term-zh').getByText(zh, { exact: true }),
  });

test('search on a reader page finds a glossary term, after the turns, linked to its row', async ({
  page,
}) => {
  const entry = glossary.find(({ zh }) => zh === markZh)!;
  await page.goto(READER);
  const field = page.getByRole('searchbox', { name: /Search/ });
  for (const query of [entry.zh, entry.en]) {
    await field.fill(query);
    const term = termResult(page, entry.zh);
    await expect(term).toHaveCount(1);
    await expect(term).toContainText(entry.en);
    await expect(term.locator('.search-term-zh[lang="zh-Hans"]')).toHaveText(entry.zh);
    // The turns come first: Enter still opens the first turn.
    await expect(page.locator('a.search-result').first()).toBeVisible();
    const all = page.locator('a.search-result, a.search-term');
    await expect(all.last()).toHaveClass('search-term');
  }
  await termResult(page, entry.zh).click();
  await expect(page).toHaveURL(new RegExp(`${seed.href}glossary/#`));
  await expect(page.locator('tr:target').getByRole('rowheader')).toHaveText(entry.zh);
});

test('search on / finds a glossary term, linked to the site glossary', async ({ page }) => {
  const entry = glossary.find(({ zh }) => zh === markZh)!;
  await page.goto('/');
  await page.getByRole('searchbox', { name: /Search/ }).fill(entry.en);
  const term = termResult(page, entry.zh);
  await expect(term).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await term.click();
  const initial = initialOf({ pinyin: [readingOf(entry.zh)] });
  await expect(page).toHaveURL(new RegExp(`/glossary/${initial}/#`));
  await expect(page.locator('tr:target').getByRole('rowheader')).toHaveText(entry.zh);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a marked term carries its Chinese term as its title', async ({ page }) => {
    await page.goto(READER);
    const mark = english(page, marked.number).locator('.gloss').first();
    await expect(mark).toHaveAttribute('title', markZh!);
    await expect(mark).toHaveAccessibleDescription(markZh!);
  });
});

test.describe('axe', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`finds nothing on the glossary pages or with a tooltip open (${colorScheme})`, async ({
      page,
    }) => {
      test.slow();
      await page.emulateMedia({ colorScheme });
      await page.goto(`${seed.href}glossary/`);
      await expectNoViolations(page);
      await page.goto('/glossary/');
      await expectNoViolations(page);
      await page.goto(`/glossary/${initials[0]}/`);
      await expectNoViolations(page);
      await page.goto(`${READER}#turn-${marked.number}`);
      // The marks join the tab order with the reader's actions, which the landing's scroll brings.
      const mark = english(page, marked.number).locator('.gloss').first();
      await expect(mark).toHaveAttribute('tabindex', '0');
      await mark.focus();
      await expect(page.getByRole('tooltip')).toBeVisible();
      await expectNoViolations(page);
    });
  }
});
