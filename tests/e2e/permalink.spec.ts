import { expect, test } from '@playwright/test';
import { long } from '../support/corpus.ts';
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

// Turns far from the screen are not laid out until they come near (content-visibility): the
// turns above a far permalink hold an estimated height, and it must land all the same.
for (const { viewport, mode } of [
  { viewport: { width: 1280, height: 800 }, mode: 'both' },
  { viewport: { width: 390, height: 844 }, mode: 'zh' },
]) {
  test(`on a long transcript, permalinks far down the page land on their turns (${viewport.width} px, ${mode})`, async ({
    page,
  }) => {
    const last = long.transcript.turns.length;
    expect(last).toBeGreaterThanOrEqual(120);
    await page.setViewportSize(viewport);
    const header = async () => {
      const box = await page.locator('.site-header').boundingBox();
      return box!.y + box!.height;
    };

    const late = last - 10;
    await page.goto(`${long.href}?lang=${mode}#turn-${late}`);
    await expect(turn(page, late)).toBeInViewport();
    const box = await turn(page, late).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual((await header()) - 1);
    expect(box!.y).toBeLessThan((await header()) + 24);

    // The last turn cannot scroll to the top; it is in view, below the header, all the same.
    await page.goto(`${long.href}?lang=${mode}#turn-${last}`);
    await expect(turn(page, last)).toBeInViewport();
    expect((await turn(page, last).boundingBox())!.y).toBeGreaterThanOrEqual((await header()) - 1);
  });
}

test('finding words in the page reaches a turn far down a long transcript', async ({ page }) => {
  const { turns } = long.transcript;
  // A phrase of one turn far down the page alone, as a reader would type it into the find bar.
  const phraseOf = (entry: (typeof turns)[number]) => entry.en.text.split('\n')[0]!.slice(0, 50);
  const far = turns
    .slice(100)
    .find((entry) => turns.filter((other) => other.en.text.includes(phraseOf(entry))).length === 1);
  expect(far).toBeDefined();
  const phrase = phraseOf(far!);

  await page.goto(long.href);
  // window.find runs the browser's own find in page, which Ctrl+F uses too.
  expect(
    await page.evaluate(
      (text) => (window as unknown as { find(text: string): boolean }).find(text),
      phrase,
    ),
  ).toBe(true);
  await expect(turn(page, far!.number)).toBeInViewport();
  const found = await page.evaluate(
    () => getSelection()?.anchorNode?.parentElement?.closest('.turn')?.id,
  );
  expect(found).toBe(`turn-${far!.number}`);
});
