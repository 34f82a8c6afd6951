/**
 * Pinyin search as a reader types it: the four ways of writing 可解释性's
 * pinyin find the turns that hold it, on a reader page and on `/`, and
 * an English word that is pinyin too shows its English matches first.
 */
import { expect, test, type Page } from '@playwright/test';
import { place, seed, turnsWith } from '../support/corpus.ts';
import { landingTurn, searchField as field, typeQuery } from '../support/search-driver.ts';
import { chinese, READER } from './pages.ts';

const results = (page: Page) => page.locator('a.search-result');
const status = (page: Page) => page.locator('[data-search-status]');

async function search(page: Page, query: string) {
  await typeQuery(page, field(page), query);
  await expect(status(page)).toHaveAttribute('data-state', /results|empty/);
}

async function shown(page: Page): Promise<string[]> {
  const hrefs = await results(page).evaluateAll((anchors) =>
    anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
  );
  return hrefs.map(landingTurn);
}

const FORMS = ['kejieshixing', 'ke jie shi xing', 'kě jiě shì xìng', 'ke3 jie3 shi4 xing4'];
const holding = (slug?: string) =>
  turnsWith('可解释性', slug ? { slug } : {})
    .map(({ entry, turn }) => place(entry.slug, turn))
    .sort();

test('on a reader page, each form of the pinyin of 可解释性 finds its turns there, marked', async ({
  page,
}) => {
  const expected = holding(seed.slug);
  expect(expected.length).toBeGreaterThan(1);
  await page.goto(READER);
  await field(page).click();
  for (const query of [...FORMS, 'ke3jie3shi4xing4']) {
    await search(page, query);
    await expect.poll(async () => (await shown(page)).sort(), { message: query }).toEqual(expected);
    await expect(results(page).first().locator('mark').first()).toHaveText('可解释性');
  }
  // The landing marks the characters the pinyin spelled.
  const first = results(page).first();
  const number = Number(/#turn-(\d+)$/.exec((await first.getAttribute('href')) ?? '')![1]);
  await first.click();
  await expect(chinese(page, number).locator('mark').first()).toHaveText('可解释性');
});

test('on the home page, each form of the pinyin of 可解释性 finds its turns in every transcript', async ({
  page,
}) => {
  const expected = holding();
  expect(new Set(expected.map((turn) => turn.split('#')[0])).size).toBeGreaterThan(1);
  await page.goto('/');
  await field(page).click();
  for (const query of FORMS) {
    await search(page, query);
    await expect.poll(async () => (await shown(page)).sort(), { message: query }).toEqual(expected);
  }
});

test('an English word that is pinyin too shows its English matches first, then what its pinyin spells', async ({
  page,
}) => {
  // "made" is English, and ma de, 码的, is in the corpus's Chinese.
  const english = turnsWith('made').filter(({ turn }) => /\bmade\b/iu.test(turn.en.text));
  const spelled = turnsWith('码的');
  expect(english.length).toBeGreaterThan(0);
  expect(english.length + spelled.length).toBeLessThanOrEqual(10);
  await page.goto('/');
  await field(page).click();
  await search(page, 'made');
  // The English matches show first, as soon as they are known; then the rest join them.
  await expect.poll(async () => (await shown(page)).length).toBe(english.length + spelled.length);
  const found = await shown(page);
  const places = (turns: typeof english) =>
    turns.map(({ entry, turn }) => place(entry.slug, turn)).sort();
  expect(found.slice(0, english.length).sort()).toEqual(places(english));
  expect(found.slice(english.length).sort()).toEqual(places(spelled));
  await expect(results(page).first().locator('mark')).toHaveText([/^made$/i]);
  await expect(results(page).last().locator('mark')).toHaveText(['码的']);
});
