/**
 * Searching as a reader does: from the keyboard or the mouse, in Chinese
 * or English, with filters, and landing on the turn that was found.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { searchField as field, typeQuery } from '../support/search-driver.ts';
import { chinese, english, READER, turn } from './pages.ts';

const results = (page: Page) => page.locator('a.search-result');
const status = (page: Page) => page.locator('[data-search-status]');

/** Types a query and waits for its own results, not those of the query before. */
async function search(page: Page, query: string) {
  await typeQuery(page, field(page), query);
  await expect(status(page)).toHaveAttribute('data-state', /results|empty/);
}

test('the first view fetches no search code; focusing the field fetches it', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(READER);
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => /pagefind|\/ui\.|landing/.test(path))).toEqual([]);

  await page.keyboard.press('/');
  await expect(field(page)).toBeFocused();
  await expect
    .poll(() => fetched.some((path) => path.endsWith('/pagefind/pagefind.js')))
    .toBe(true);
});

test('Ctrl+K focuses the search from anywhere, / does not while typing in it', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await expect(field(page)).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(field(page)).toHaveValue('a/b');
});

test('a Chinese phrase, from the keyboard alone, lands on its turn with the words marked', async ({
  page,
}) => {
  await page.goto(`${READER}?lang=en`);
  await page.keyboard.press('/');
  await page.keyboard.type('稀疏自编码器');
  await expect(status(page)).toHaveAttribute('data-state', 'results');

  const first = results(page).first();
  await expect(first).toHaveAttribute('href', /^\/alignment-panel\/\?.*#turn-13$/);
  await expect(first).toContainText('Josh');
  await expect(first.locator('mark').first()).toHaveText('稀疏自编码器');
  await expect(first.locator('.search-result-excerpt[lang="zh-Hans"]')).toBeVisible();
  await expect(first).toContainText('中文');

  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');

  // The page shows English; the turn found in Chinese shows its Chinese.
  // Landing keeps the page's own address (here its ?lang=en) and drops the search's.
  await expect(page).toHaveURL(/\/alignment-panel\/\?lang=en#turn-13$/);
  expect(await turn(page, 13).evaluate((element) => element.matches(':target'))).toBe(true);
  await expect(chinese(page, 13)).toBeVisible();
  await expect(english(page, 13)).toBeHidden();
  await expect(chinese(page, 13).locator('mark')).toHaveText(['稀疏自编码器']);
  await expect(turn(page, 13)).toBeInViewport();

  // Escape takes the highlight away; the text is as it was.
  const before = await chinese(page, 13).textContent();
  await page.keyboard.press('Escape');
  await expect(chinese(page, 13).locator('mark')).toHaveCount(0);
  expect(await chinese(page, 13).textContent()).toBe(before);
});

test('an English phrase, with the mouse, on the same page in Chinese mode', async ({ page }) => {
  await page.goto(`${READER}?lang=zh`);
  await field(page).click();
  await search(page, 'bell curve');
  const first = results(page).first();
  await expect(first).toHaveAttribute('href', /#turn-13$/);
  await expect(first.locator('mark')).toHaveText(['bell', 'curve']);
  await expect(first).toContainText('EN');

  await first.click();
  await expect(page).toHaveURL(/\/alignment-panel\/(\?lang=zh)?#turn-13$/);
  await expect(english(page, 13)).toBeVisible();
  await expect(chinese(page, 13)).toBeHidden();
  await expect(english(page, 13).locator('mark')).toHaveText(['bell', 'curve']);
  await expect(page.locator('[data-search-panel]')).toBeHidden();

  // The next search takes the highlight away.
  await field(page).click();
  await search(page, 'Base64');
  await expect(english(page, 13).locator('mark')).toHaveCount(0);
});

test('inflections and mixed queries find their turns', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'sabotaging the process');
  await expect(results(page).first()).toHaveAttribute('href', /#turn-12$/);
  await expect(results(page).first().locator('mark')).toContainText(['sabotage', 'process']);
  await search(page, 'SAE 稀疏');
  await expect(results(page).first()).toHaveAttribute('href', /#turn-13$/);
  // Half a word, as it is while being typed, finds the words it begins.
  await search(page, 'corrigib');
  await expect(results(page).first()).toHaveAttribute('href', /#turn-35$/);
  await expect(results(page).first().locator('mark').first()).toHaveText(/^corrigib/i);
});

test('on the home page, results name their transcript and open its reader at the turn', async ({
  page,
}) => {
  await page.goto('/');
  await field(page).click();
  await search(page, '哲学王');
  const first = results(page).first();
  await expect(first).toContainText('What is alignment?');
  await first.click();
  await expect(page).toHaveURL(/\/alignment-panel\/#turn-\d+$/);
  await expect(page.locator('.turn:target mark').first()).toHaveText('哲学王');
});

test('filters narrow the results by language and by speaker', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'alignment');
  await expect(page.locator('.search-result-language', { hasText: '中文' }).first()).toBeVisible();
  await page.getByRole('combobox', { name: /Found in/ }).selectOption('en');
  await expect
    .poll(() => page.locator('.search-result-language').allTextContents())
    .toEqual(expect.arrayContaining(['EN']));
  await expect(page.locator('.search-result-language', { hasText: '中文' })).toHaveCount(0);

  await page.getByRole('combobox', { name: /Speaker/ }).selectOption('Josh');
  await expect
    .poll(async () => new Set(await page.locator('.search-result-speaker').allTextContents()))
    .toEqual(new Set(['Josh']));
});

test('a query that finds nothing says so and suggests what to try', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, '足球比赛');
  await expect(status(page)).toHaveAttribute('data-state', 'empty');
  await expect(status(page)).toContainText('No turn matches “足球比赛”');
  await expect(status(page)).toContainText('other language');
  await expect(results(page)).toHaveCount(0);
});

test('the arrow keys walk the results and Escape closes them', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'model');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(field(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-search-panel]')).toBeHidden();
  await expect(field(page)).toBeFocused();
});

test('a searching state shows while the index loads', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.goto(READER);
  await field(page).click();
  await field(page).fill('对齐');
  await expect(status(page)).toHaveAttribute('data-state', 'searching');
  await expect(status(page)).toContainText('Searching');
  await expect(status(page)).toHaveAttribute('data-state', 'results');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing with the results open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/', READER]) {
      await page.goto(path);
      await field(page).click();
      await search(page, '对齐 alignment');
      await search(page, '对齐');
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    }
  });
}

test('on a phone the field opens across the header and the results take the width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(READER);
  await field(page).click();
  await search(page, '对齐');
  const box = await page.locator('[data-search-panel]').boundingBox();
  expect(box?.width).toBeGreaterThan(330);
  const input = await field(page).boundingBox();
  expect(input?.width).toBeGreaterThan(300);
});

test('Enter straight after typing opens the first result of what was typed', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'bell');
  await field(page).press('End');
  await page.keyboard.type(' curve');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#turn-13$/);
  await expect(english(page, 13).locator('mark')).toHaveText(['bell', 'curve']);
});

test('the arrow keys still change a filter', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'alignment');
  const filter = page.getByRole('combobox', { name: /Found in/ });
  await filter.focus();
  await page.keyboard.press('ArrowDown');
  await expect(filter).toBeFocused();
});

test('going back from a landing takes its highlight away', async ({ page }) => {
  await page.goto(`${READER}#turn-1`);
  await field(page).click();
  await search(page, 'bell curve');
  await results(page).first().click();
  await expect(english(page, 13).locator('mark')).toHaveCount(2);
  await page.goBack();
  await expect(page).toHaveURL(/#turn-1$/);
  await expect(page.locator('main mark')).toHaveCount(0);
});

test('a landing address for a turn that is not there leaves the page as it is', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${READER}?in=zh&mark=%E5%AF%B9%E9%BD%90#turn-999`);
  await expect(page).toHaveURL(/\/alignment-panel\/#turn-999$/);
  await expect(page.locator('main mark')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a result’s address opened afresh shows the turn in the language it was found in', async ({
  page,
}) => {
  await page.goto(`${READER}?lang=zh&in=en&mark=bell&mark=curve#turn-13`);
  await expect(english(page, 13)).toBeVisible();
  await expect(chinese(page, 13)).toBeHidden();
  await expect(english(page, 13).locator('mark')).toHaveText(['bell', 'curve']);
  await expect(page).toHaveURL(/\/alignment-panel\/\?lang=zh#turn-13$/);
});
