/**
 * A turn's own buttons (Turn.astro): in the page from the first paint,
 * before the reader does anything, for a screen reader's browse mode as
 * for a pointer; named in the page's language; and a copy that fails
 * says so without the tick of one that worked.
 */
import { expect, test } from '@playwright/test';
import { bothLanguages, inMode } from '../../src/lib/localized.ts';
import { strings, turnStrings } from '../../src/lib/strings.ts';
import { STORAGE_KEY } from '../../src/client/language-mode.ts';
import { languageControl, READER, turn, TURN_COUNT } from './pages.ts';

/** A turn's buttons the page shows in each mode, by their accessible names, in the page's order. */
const NAMES = {
  zh: (number: number) => [strings.optionEn.en, `${turnStrings.copyLink.zh} ${number}`],
  en: (number: number) => [strings.optionZh.en, `${turnStrings.copyLink.en} ${number}`],
  both: (number: number) => [`${bothLanguages(turnStrings.copyLink)} ${number}`],
} as const;

test('every turn’s buttons are in the page before any input: in the HTML as sent, named from the first paint', async ({
  page,
  request,
}) => {
  // Written in the page, not made by script.
  const html = await (await request.get(READER)).text();
  expect(html.match(/<button[^>]* data-copy[ >]/g)).toHaveLength(TURN_COUNT);

  const requested: string[] = [];
  page.on('request', (sent) => requested.push(new URL(sent.url()).pathname));
  // A reader who chose 中文 on an earlier visit (`?lang=` would load the actions for the address).
  await page.addInitScript((key) => localStorage.setItem(key, 'zh'), STORAGE_KEY);
  await page.goto(READER, { waitUntil: 'networkidle' });
  // No scroll, point, tap or key: what a screen reader finds in browse mode now.
  const turns = page.locator('transcript-turns');
  await expect(turns.getByRole('button', { name: strings.optionEn.en, exact: true })).toHaveCount(
    TURN_COUNT,
  );
  await expect(turns.getByRole('button', { name: /^复制链接 \d+$/ })).toHaveCount(TURN_COUNT);
  for (const number of [1, 23, TURN_COUNT]) {
    await expect(
      turn(page, number).getByRole('button', { name: NAMES.zh(number)[1], exact: true }),
    ).toBeVisible();
  }
  // What they do loads with their first use, not before.
  expect(requested.filter((path) => path.includes('reader-actions'))).toEqual([]);
});

for (const mode of ['zh', 'en', 'both'] as const) {
  test(`a turn’s buttons are named in the page’s language (${mode})`, async ({ page }) => {
    await page.goto(`${READER}?lang=${mode}`);
    const buttons = turn(page, 12).getByRole('button');
    const names = NAMES[mode](12);
    await expect(buttons).toHaveCount(names.length);
    for (const [index, name] of names.entries()) {
      await expect(buttons.nth(index)).toHaveAccessibleName(name);
    }
    // The switch is named in the language it shows, and voiced in it.
    if (mode !== 'both') {
      await expect(buttons.first()).toHaveAttribute('lang', mode === 'zh' ? 'en' : 'zh-Hans');
    }
    // Its words on screen are its name's.
    const shown = await buttons
      .last()
      .evaluate((element) => getComputedStyle(element, '::before').content);
    expect(shown).toBe(`"${inMode(turnStrings.copyLink, mode)}"`);
  });
}

test('a turn’s buttons follow a switch of the page’s language at once', async ({ page }) => {
  await page.goto(`${READER}?lang=both`);
  await languageControl(page).getByRole('button', { name: 'English', exact: true }).click();
  const buttons = turn(page, 3).getByRole('button');
  await expect(buttons).toHaveCount(2);
  await expect(buttons.first()).toHaveAccessibleName(NAMES.en(3)[0]!);
  await expect(buttons.last()).toHaveAccessibleName(NAMES.en(3)[1]!);
});

test('a copy the browser refuses says so, and shows no tick', async ({ page }) => {
  // The page as a site that allows no writing to the clipboard serves it.
  await page.route(`**${READER}`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'permissions-policy': 'clipboard-write=()' };
    await route.fulfill({ response, headers });
  });
  await page.goto(READER);
  const copy = turn(page, 7).getByRole('button', { name: /^Copy link.* 7$/ });
  await copy.click();
  await expect(page.getByRole('status')).toHaveText(turnStrings.copyFailed.en);
  expect(await copy.evaluate((element) => getComputedStyle(element, '::after').content)).toBe(
    'none',
  );
  expect(await copy.getAttribute('data-copied')).toBeNull();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the buttons are in the page but not shown: they would do nothing', async ({ page }) => {
    await page.goto(READER);
    await expect(page.locator('.turn > header > button')).toHaveCount(3 * TURN_COUNT);
    await expect(page.locator('transcript-turns').getByRole('button')).toHaveCount(0);
  });
});
