import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { turnStrings } from '../../src/lib/strings.ts';
import { corpus } from '../support/corpus.ts';
import { SAVED_KEY, type SavedWord } from '../../src/lib/dictionary/word-list.ts';
import { english, languageControl, READER, turn } from './pages.ts';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('the home page has no axe violations', async ({ page }) => {
      await page.goto('/');
      await expectNoViolations(page);
    });

    for (const lang of ['both', 'zh', 'en']) {
      test(`the reader in ${lang} mode has no axe violations`, async ({ page }) => {
        await page.goto(`${READER}?lang=${lang}#turn-10`);
        await expectNoViolations(page);
      });
    }

    test('the word list, empty and with a word, has no axe violations', async ({ page }) => {
      await page.goto('words/');
      await expect(page.locator('.word-empty')).toBeVisible();
      await expectNoViolations(page);
      const word: SavedWord = {
        word: '迭代',
        pinyin: 'dié dài',
        definition: 'to iterate',
        sentence: '每一次迭代都会发现新问题。',
        link: new URL(`${READER}#turn-2`, page.url()).href,
      };
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
        SAVED_KEY,
        JSON.stringify([word]),
      ] as const);
      await page.reload();
      await expect(page.locator('.words li')).toHaveCount(1);
      await expectNoViolations(page);
    });

    for (const { slug, href } of corpus.filter((entry) => entry.href !== READER)) {
      test(`the reader of ${slug} has no axe violations`, async ({ page }) => {
        // axe takes about 20 s over the long transcript on a busy two-core machine.
        test.slow();
        await page.goto(href);
        await expectNoViolations(page);
      });
    }
  });
}

test('the language controls work from the keyboard alone', async ({ page }) => {
  await page.goto(READER);
  const zh = languageControl(page).getByRole('button', { name: '中文', exact: true });
  // Skip link, site name, search field and its button, then the first language button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox', { name: /Search/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('search').getByRole('button', { name: /Search/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(zh).toBeFocused();
  const outline = await zh.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(zh).toHaveAttribute('aria-pressed', 'true');

  // The turn's buttons come next in the order of the page, after its permalink.
  await turn(page, 1).getByRole('link', { name: 'Turn 1', exact: true }).focus();
  await page.keyboard.press('Tab');
  const flip = turn(page, 1).getByRole('button', { name: 'English', exact: true });
  await expect(flip).toBeFocused();
  expect(await flip.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Space');
  await expect(flip).toHaveAttribute('aria-pressed', 'true');
  await expect(english(page, 1)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(
    turn(page, 1).getByRole('button', { name: `${turnStrings.copyLink.zh} 1`, exact: true }),
  ).toBeFocused();
});
