import { expect, test } from '@playwright/test';
import { READER, turn } from './pages.ts';

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`a permalink shows its turn below the header and marks it (${viewport.width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(`${READER}#turn-30`);
    const target = turn(page, 30);
    await expect(target).toBeInViewport();

    const header = await page.locator('.site-header').boundingBox();
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
    expect(box!.y).toBeLessThan(viewport.height / 2);

    const background = (n: number) =>
      turn(page, n).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background(30)).not.toBe(await background(31));

    await page.goto(`${READER}#turn-31`);
    await expect(turn(page, 31)).toBeInViewport();
    expect(await background(30)).toBe(await background(29));
    expect(await background(31)).not.toBe(await background(29));
  });
}

test('following a permalink inside the page moves to that turn', async ({ page }) => {
  await page.goto(READER);
  await turn(page, 12).getByRole('link', { name: 'Turn 12', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${READER}#turn-12$`));
  await expect(turn(page, 12)).toBeInViewport();
});
