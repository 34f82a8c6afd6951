import { expect, test, type Page } from '@playwright/test';
import { corpus } from '../support/corpus.ts';
import { chinese, english, languageControl, READER, turn, TURN_COUNT } from './pages.ts';

async function boxes(page: Page, number: number) {
  const zh = await chinese(page, number).boundingBox();
  const en = await english(page, number).boundingBox();
  if (!zh || !en) throw new Error(`turn ${number} is not shown in both languages`);
  return { zh, en };
}

test('Both shows the languages side by side on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(READER);
  const { zh, en } = await boxes(page, 2);
  expect(Math.abs(zh.y - en.y)).toBeLessThan(2);
  expect(en.x).toBeGreaterThanOrEqual(zh.x + zh.width);
});

test('Both shows one language above the other on a narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto(READER);
  const { zh, en } = await boxes(page, 2);
  expect(en.y).toBeGreaterThanOrEqual(zh.y + zh.height);
  expect(Math.abs(zh.x - en.x)).toBeLessThan(2);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});

test('a phone shows the whole page without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const { href } of corpus) {
    await page.goto(href);
    await expect(languageControl(page)).toBeInViewport({ ratio: 1 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, href).toBe(0);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every turn shows both languages, and no control that would do nothing', async ({
    page,
  }) => {
    await page.goto(`${READER}?lang=zh`);
    for (let number = 1; number <= TURN_COUNT; number++) {
      await expect(chinese(page, number)).toBeVisible();
      await expect(english(page, number)).toBeVisible();
    }
    await expect(languageControl(page)).toBeHidden();
    await expect(page.getByRole('button')).toHaveCount(0);
  });

  test('permalinks still land on their turn', async ({ page }) => {
    await page.goto(`${READER}#turn-25`);
    await expect(turn(page, 25)).toBeInViewport();
  });
});

test('printing shows both languages whatever the screen shows', async ({ page }) => {
  await page.goto(READER);
  await languageControl(page).getByRole('button', { name: '中文', exact: true }).click();
  await turn(page, 2).getByRole('button', { name: 'English', exact: true }).click();
  await page.emulateMedia({ media: 'print' });
  for (const number of [1, 2]) {
    await expect(chinese(page, number)).toBeVisible();
    await expect(english(page, number)).toBeVisible();
  }
  await expect(languageControl(page)).toBeHidden();
});

for (const width of [390, 1280]) {
  for (const mode of ['both', 'zh'] as const) {
    test(`the turns' buttons stand beside the header's text, over none of it, and nothing moves as the page loads (${width} px, ${mode})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        Object.assign(window, { shifts });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            shifts.push((entry as unknown as { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      for (const { href } of corpus) {
        await page.goto(`${href}?lang=${mode}`, { waitUntil: 'networkidle' });
        const shifts = await page.evaluate(
          () =>
            new Promise<number[]>((resolve) =>
              requestAnimationFrame(() =>
                setTimeout(() => resolve((window as unknown as { shifts: number[] }).shifts)),
              ),
            ),
        );
        expect(shifts, `layout shifts on ${href}`).toEqual([]);

        // The turns in view: each button sits beside the header's text, over none of it.
        for (let number = 1; number <= 3; number++) {
          const header = turn(page, number).locator('header');
          const buttons = await header.getByRole('button').all();
          expect(buttons.length, `turn ${number} of ${href} has its buttons`).toBeGreaterThan(0);
          for (const button of buttons) {
            const box = (await button.boundingBox())!;
            for (const part of await header.locator('> :not(button)').all()) {
              const other = (await part.boundingBox())!;
              const apart =
                other.x + other.width <= box.x ||
                box.x + box.width <= other.x ||
                other.y + other.height <= box.y ||
                box.y + box.height <= other.y;
              expect(
                apart,
                `turn ${number} of ${href}: a button covers ${await part.textContent()}`,
              ).toBe(true);
            }
          }
        }
      }
    });
  }
}
