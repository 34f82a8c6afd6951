import { expect, test, type Page } from '@playwright/test';
import { corpus, transcript } from '../support/corpus.ts';
import { chinese, english, languageControl, READER, turn, TURN_COUNT } from './pages.ts';

// A turn whose paragraphs do not pair, shown a block per language; those that pair are read in
// rows (paragraph-rows.spec.ts).
const fireside = transcript('interpretability-fireside');
const UNPAIRED = fireside.transcript.turns.find(
  (entry) => entry.zh.paragraphs.length !== entry.en.paragraphs.length,
)!.number;

async function boxes(page: Page, number: number) {
  const zh = await chinese(page, number).boundingBox();
  const en = await english(page, number).boundingBox();
  if (!zh || !en) throw new Error(`turn ${number} is not shown in both languages`);
  return { zh, en };
}

test('Both shows the languages side by side on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(`${fireside.href}#turn-${UNPAIRED}`);
  const { zh, en } = await boxes(page, UNPAIRED);
  expect(Math.abs(zh.y - en.y)).toBeLessThan(2);
  expect(en.x).toBeGreaterThanOrEqual(zh.x + zh.width);
});

test('Both shows one language above the other on a narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto(`${fireside.href}#turn-${UNPAIRED}`);
  const { zh, en } = await boxes(page, UNPAIRED);
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

  test('printing shows both languages', async ({ page }) => {
    await page.goto(`${READER}?lang=zh`);
    await page.emulateMedia({ media: 'print' });
    for (const number of [1, 13]) {
      await expect(chinese(page, number)).toBeVisible();
      await expect(english(page, number)).toBeVisible();
    }
  });

  test('permalinks still land on their turn', async ({ page }) => {
    await page.goto(`${READER}#turn-25`);
    await expect(turn(page, 25)).toBeInViewport();
  });
});

test.describe('printing', () => {
  // A page of A4 within its margins: paper is narrower than a wide screen.
  test.use({ viewport: { width: 718, height: 1000 } });

  /** A reading aid's toggle, whatever language the page's mode names it in. */
  const toggle = (page: Page, aid: 'pinyin' | 'traditional') =>
    page.locator(`reading-aids button[data-aid="${aid}"]`);
  // The seed's turn 13 has three paragraphs in each language.
  const JOSH = 13;

  test('prints Both with the languages side by side, partners in rows, and no controls', async ({
    page,
  }) => {
    await page.goto(`${READER}?lang=both`);
    await page.emulateMedia({ media: 'print' });
    for (const number of [1, 2, JOSH]) {
      await expect(chinese(page, number)).toBeVisible();
      await expect(english(page, number)).toBeVisible();
    }
    for (let index = 0; index < 3; index++) {
      const zh = (await chinese(page, JOSH).locator('p').nth(index).boundingBox())!;
      const en = (await english(page, JOSH).locator('p').nth(index).boundingBox())!;
      expect(Math.abs(zh.y - en.y)).toBeLessThanOrEqual(1);
      expect(en.x).toBeGreaterThanOrEqual(zh.x + zh.width);
    }
    await expect(page.getByRole('button').filter({ visible: true })).toHaveCount(0);
    await expect(page.getByRole('searchbox')).toBeHidden();
    await expect(languageControl(page)).toBeHidden();
  });

  for (const [mode, shown, hidden] of [
    ['中文', chinese, english],
    ['English', english, chinese],
  ] as const) {
    test(`prints ${mode} mode in that language alone, a turn switched to the other as shown`, async ({
      page,
    }) => {
      await page.goto(READER);
      await languageControl(page).getByRole('button', { name: mode, exact: true }).click();
      const other = mode === '中文' ? 'English' : '中文';
      await turn(page, 2).getByRole('button', { name: other, exact: true }).click();
      await page.emulateMedia({ media: 'print' });
      for (const number of [1, 3, TURN_COUNT]) {
        await expect(shown(page, number)).toBeVisible();
        await expect(hidden(page, number)).toBeHidden();
      }
      await expect(hidden(page, 2)).toBeVisible();
      await expect(shown(page, 2)).toBeHidden();
      await expect(page.getByRole('button').filter({ visible: true })).toHaveCount(0);
    });
  }

  test('prints the reading aids that are on: pinyin over the Chinese, Traditional characters', async ({
    page,
  }) => {
    await page.goto(`${READER}?lang=zh`);
    // Simplified or Traditional, whichever it shows.
    const shownChinese = turn(page, 1).locator('.turn-text > :lang(zh)');
    const reading = shownChinese.locator('rt').first();
    await page.emulateMedia({ media: 'print' });
    await expect(shownChinese).toHaveAttribute('lang', 'zh-Hans');
    await expect(shownChinese).toBeVisible();
    await expect(reading).toHaveCount(0);

    await page.emulateMedia({ media: 'screen' });
    await toggle(page, 'pinyin').click();
    await toggle(page, 'traditional').click();
    await expect(shownChinese).toHaveAttribute('lang', 'zh-Hant');
    await page.emulateMedia({ media: 'print' });
    await expect(shownChinese).toBeVisible();
    await expect(reading).toBeVisible();
    await expect(english(page, 1)).toBeHidden();
  });
});

test.describe('the page as it loads', () => {
  // Retried once: on a starved CPU (a loaded CI machine; Chromium's CPU slowed 20×) the browser
  // paints a page whose parsing it has paused inside the header or a turn's header, and the
  // rest, parsed, moves what was painted (the search button when the language switch arrives,
  // a turn's time when its buttons do): 0.001–0.0035 on about one load in three at 20×, none
  // in 45 loads of a quiet machine. Each shift is reported with what moved.
  test.describe.configure({ retries: 1 });
  for (const width of [390, 1280]) {
    for (const mode of ['both', 'zh'] as const) {
      test(`the turns' buttons stand beside the header's text, over none of it, and nothing moves as the page loads (${width} px, ${mode})`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.addInitScript(() => {
          // Each shift with what moved, from where to where, so a failure says what to look at.
          const shifts: string[] = [];
          Object.assign(window, { shifts });
          type Source = {
            node?: Node;
            previousRect: DOMRectReadOnly;
            currentRect: DOMRectReadOnly;
          };
          type Shift = { value: number; startTime: number; sources: Source[] };
          // Chromium's own audio controls lay out again once the recording's length is known
          // (its time display widens): a move inside the player bar, not of the page around it.
          const inPlayer = ({ currentRect: rect }: Source) => {
            const bar = document.querySelector('.player')?.getBoundingClientRect();
            return !!bar && rect.top >= bar.top && rect.bottom <= bar.bottom;
          };
          const rect = ({ x, y, width, height }: DOMRectReadOnly) => `${x},${y} ${width}x${height}`;
          const what = ({ node, previousRect, currentRect }: Source) => {
            const element = node instanceof Element ? node : node?.parentElement;
            const name = element
              ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`
              : 'a node no longer in the page';
            return `${name} "${node?.textContent?.slice(0, 40) ?? ''}" ${rect(previousRect)} → ${rect(currentRect)}`;
          };
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as unknown as Shift[])
              if (!entry.sources.every(inPlayer))
                shifts.push(
                  `${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources.map(what).join('; ')}`,
                );
          }).observe({ type: 'layout-shift', buffered: true });
        });
        for (const { href } of corpus) {
          await page.goto(`${href}?lang=${mode}`, { waitUntil: 'networkidle' });
          const shifts = await page.evaluate(
            () =>
              new Promise<string[]>((resolve) =>
                requestAnimationFrame(() =>
                  setTimeout(() => resolve((window as unknown as { shifts: string[] }).shifts)),
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
});
