/**
 * The reading aids, as a reader uses them: pinyin over the Chinese text
 * and the Chinese text in Traditional characters, each fetched only when
 * its toggle is pressed, remembered, and undone exactly; and search, which
 * reads a Traditional query as the Simplified text it is written in.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strings } from '../../src/lib/strings.ts';
import { seed } from '../support/corpus.ts';
import { searchField, typeQuery } from '../support/search-driver.ts';
import { gzipBytes } from '../../bench/units.ts';
import { chinese, languageControl, READER, TEXT } from './pages.ts';

const toggle = (page: Page, name: string) =>
  page.getByRole('group', { name: strings.readingAids }).getByRole('button', { name, exact: true });
const pinyin = (page: Page) => toggle(page, strings.pinyin);
const traditional = (page: Page) => toggle(page, strings.traditional);

/** The first turn of the seed whose Chinese holds `word`. */
function turnWith(word: string): number {
  const found = seed.transcript.turns.find((turn) => turn.zh.text.includes(word));
  if (!found) throw new Error(`The seed transcript never writes ${word}`);
  return found.number;
}

/** Every Chinese or every English block's markup, in page order, whichever characters it shows. */
const blocks = (page: Page, language: 'zh' | 'en') =>
  page
    .locator(language === 'zh' ? '.turn-text > :lang(zh)' : TEXT.en)
    .evaluateAll((elements) => elements.map((element) => element.innerHTML));

/** The readings the page shows over `word` in turn `number`, or undefined where it is not shown. */
async function readingsOver(page: Page, number: number, word: string) {
  return page.locator(`#turn-${number} .turn-text > :lang(zh)`).evaluate((block, word) => {
    const rubies = [...block.querySelectorAll('ruby')];
    const bases = rubies.map((ruby) => ruby.firstChild?.textContent ?? '').join('');
    const at = bases.indexOf(word);
    if (at < 0) return undefined;
    return rubies
      .slice(at, at + word.length)
      .map((ruby) => ruby.querySelector('rt')?.textContent)
      .join(' ');
  }, word);
}

/** The paths of the reading aids' files the page has asked for so far. */
function aidRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\/(pinyin|traditional)\.json$/.test(pathname)) asked.push(pathname);
  });
  return asked;
}

const words = [
  ['行为', 'xíng wéi'],
  ['觉得', 'jué de'],
  ['还是', 'hái shì'],
] as const;

test('Pinyin 拼音 shows pinyin over the Chinese, read in context, fetched when pressed; off restores the text exactly', async ({
  page,
}) => {
  const asked = aidRequests(page);
  await page.goto(READER, { waitUntil: 'networkidle' });
  expect(asked).toEqual([]);
  const zh = await blocks(page, 'zh');
  const en = await blocks(page, 'en');

  await pinyin(page).click();
  await expect(pinyin(page)).toHaveAttribute('aria-pressed', 'true');
  for (const [word, reading] of words) {
    await expect.poll(() => readingsOver(page, turnWith(word), word)).toBe(reading);
  }
  expect(asked).toEqual([`${READER}pinyin.json`]);
  // The pinyin is for the eyes: screen readers read the characters once, a copy takes the Chinese.
  const rt = chinese(page, 1).locator('rt').first();
  await expect(rt).toHaveAttribute('aria-hidden', 'true');
  expect(await rt.evaluate((element) => getComputedStyle(element).userSelect)).toBe('none');
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  expect(await blocks(page, 'en')).toEqual(en);

  await pinyin(page).click();
  await expect(pinyin(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('ruby')).toHaveCount(0);
  expect(await blocks(page, 'zh')).toEqual(zh);
});

test('pinyin is remembered across reloads, and its room is kept from the first paint', async ({
  page,
}) => {
  await page.goto(READER);
  await pinyin(page).click();
  await expect(chinese(page, 1).locator('ruby').first()).toBeVisible();

  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
        (window as unknown as { shifts: number }).shifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.reload();
  await expect(pinyin(page)).toHaveAttribute('aria-pressed', 'true');
  for (const [word, reading] of words) {
    await expect.poll(() => readingsOver(page, turnWith(word), word)).toBe(reading);
  }
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
  expect(shifts).toBeLessThan(0.01);
});

test('繁體 shows the Chinese in Traditional characters as zh-Hant, the English untouched, remembered; off restores the text', async ({
  page,
}) => {
  const asked = aidRequests(page);
  await page.goto(READER, { waitUntil: 'networkidle' });
  const zh = await blocks(page, 'zh');
  const en = await blocks(page, 'en');
  const number = turnWith('可解释性');

  await traditional(page).click();
  await expect(traditional(page)).toHaveAttribute('aria-pressed', 'true');
  const block = page.locator(`#turn-${number} .turn-text > :lang(zh)`);
  await expect(block).toHaveAttribute('lang', 'zh-Hant');
  await expect(block).toContainText('可解釋性');
  await expect(page.locator('.turn-text > [lang="zh-Hans"]')).toHaveCount(0);
  expect(await blocks(page, 'en')).toEqual(en);
  expect(asked).toEqual([`${READER}traditional.json`]);

  // The language modes still show and hide the Chinese in Traditional characters.
  await languageControl(page).getByRole('button', { name: 'English', exact: true }).click();
  await expect(block).toBeHidden();
  await languageControl(page).getByRole('button', { name: '中文', exact: true }).click();
  await expect(block).toBeVisible();

  await page.reload();
  await expect(traditional(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(block).toHaveAttribute('lang', 'zh-Hant');
  await expect(block).toContainText('可解釋性');

  await traditional(page).click();
  await expect(block).toHaveAttribute('lang', 'zh-Hans');
  expect(await blocks(page, 'zh')).toEqual(zh);
  expect(await blocks(page, 'en')).toEqual(en);
});

test('both together: pinyin over the Traditional characters, one reading each', async ({
  page,
}) => {
  await page.goto(READER);
  const zh = await blocks(page, 'zh');
  const number = turnWith('行为');
  await traditional(page).click();
  await pinyin(page).click();
  await expect.poll(() => readingsOver(page, number, '行為')).toBe('xíng wéi');

  await traditional(page).click();
  await expect.poll(() => readingsOver(page, number, '行为')).toBe('xíng wéi');
  await pinyin(page).click();
  await expect(page.locator('ruby')).toHaveCount(0);
  expect(await blocks(page, 'zh')).toEqual(zh);
});

test('the aids bring a few kilobytes of code, no converter', async ({ page }) => {
  const code: Promise<Buffer>[] = [];
  await page.goto(READER, { waitUntil: 'networkidle' });
  // The reader's actions (the toggles' code among them) come with the first point at a turn's
  // text, and mark its partner paragraph (the seed's turn 13 has three in each language); the
  // aids' own code after.
  await chinese(page, 13).locator('p').first().hover();
  await expect(chinese(page, 13).locator('p[data-partner]')).toHaveCount(1);
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) code.push(response.body());
  });
  await pinyin(page).click();
  await traditional(page).click();
  await expect.poll(() => readingsOver(page, turnWith('行为'), '行為')).toBe('xíng wéi');
  const bytes = (await Promise.all(code)).reduce((sum, body) => sum + gzipBytes(body), 0);
  expect(code.length).toBeGreaterThan(0);
  // pinyin-pro alone is about 140 KB (gzip), OpenCC's dictionaries several hundred.
  expect(bytes).toBeLessThan(4_000);
});

/** The turns a query finds, as the addresses of its results. */
async function found(page: Page, query: string): Promise<string[]> {
  await typeQuery(page, searchField(page), query);
  // On `/` the results grow as the index's files arrive.
  await page.waitForLoadState('networkidle');
  return page
    .locator('a.search-result')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

for (const where of [READER, '/']) {
  test(`a Traditional query finds what its Simplified form finds (${where})`, async ({ page }) => {
    await page.goto(where);
    await searchField(page).focus();
    const simplified = await found(page, '可解释性');
    expect(simplified.length).toBeGreaterThan(0);
    expect(await found(page, '可解釋性')).toEqual(simplified);
  });
}

test('with Traditional characters shown, the page’s search finds the text and marks it where it lands', async ({
  page,
}) => {
  await page.goto(`${READER}?lang=en`);
  await traditional(page).click();
  await expect(page.locator('.turn-text > [lang="zh-Hant"]').first()).toBeAttached();
  await searchField(page).focus();
  const [first] = await found(page, '可解釋性');
  expect(first).toMatch(/#turn-\d+$/);
  await page.locator('a.search-result').first().click();
  const number = Number(/#turn-(\d+)$/.exec(first!)![1]);
  const written = seed.transcript.turns[number - 1]!.zh.text;
  const block = page.locator(`#turn-${number} .turn-text > :lang(zh)`);
  await expect(block).toBeVisible();
  await expect(block.locator('mark')).toHaveText(
    written
      .split('可解释性')
      .slice(1)
      .map(() => '可解釋性'),
  );
});

test('without JavaScript the toggles are not shown', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(READER);
  await expect(page.getByRole('group', { name: strings.readingAids })).toBeHidden();
  await context.close();
});

for (const [aid, colorScheme] of [
  ['pinyin', 'light'],
  ['traditional', 'dark'],
] as const) {
  test(`axe finds nothing with ${aid} on (${colorScheme})`, async ({ page }) => {
    test.slow();
    await page.emulateMedia({ colorScheme });
    await page.goto(READER);
    await toggle(page, strings[aid]).click();
    await expect(
      aid === 'pinyin'
        ? chinese(page, 1).locator('ruby').first()
        : page.locator('[lang="zh-Hant"] p').first(),
    ).toBeAttached();
    // The page's headers and its first turn: every turn is marked up alike, and axe's contrast
    // check takes a minute for every few hundred rubies.
    const results = await new AxeBuilder({ page })
      .include('.site-header')
      .include('.transcript-header')
      .include('#turn-1')
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}
