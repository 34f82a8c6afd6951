/**
 * Reading on a phone: the first screen reaches the first turn, the header
 * keeps to one row, the search opens from its button over the header, the
 * folded description and speakers open for everyone, and the text size is
 * the reader's, remembered, moving nothing as the page loads.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { initialOf } from '../../src/lib/glossary-index.ts';
import { seed } from '../support/corpus.ts';
import { searchField, typeQuery } from '../support/search-driver.ts';
import { chinese, english, READER, TEXT, turn } from './pages.ts';

const PHONE = { width: 390, height: 844 };
const searchButton = (page: Page) =>
  page.getByRole('search').getByRole('button', { name: /Search/ });
const textSize = (page: Page) => page.getByRole('group', { name: /Text size/ });
const description = (page: Page) =>
  page.locator('.transcript-header').getByText(seed.transcript.description!.en);
const speakerLinks = (page: Page) => page.locator('.speaker-list').getByRole('link');

test.describe('at 390 × 844', () => {
  test.use({ viewport: PHONE });

  for (const mode of ['both', 'zh', 'en']) {
    test(`the first turn's text starts in the upper half of the first screen (${mode})`, async ({
      page,
    }) => {
      await page.goto(`${READER}?lang=${mode}`);
      // Its first paragraph: in Both, paragraphs read in rows and the blocks draw no box of their own.
      const first = turn(page, 1).locator(`${TEXT.any} p:visible`).first();
      const box = await first.boundingBox();
      expect(box!.y).toBeLessThan(PHONE.height / 2);
    });
  }

  test('the search opens over the header from its button, finds, and closes', async ({ page }) => {
    await page.goto(READER);
    const field = searchField(page);
    await expectFolded(page);
    await searchButton(page).click();
    await expect(field).toBeFocused();
    await expectFullWidth(page);

    await typeQuery(page, field, 'alignment');
    await expect(page.locator('a.search-result').first()).toBeVisible();
    // Escape closes the results, then the field, leaving the focus on its button.
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-search-panel]')).toBeHidden();
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await expectFolded(page);
    await expect(searchButton(page)).toBeFocused();
    await expect(field).toHaveValue('');
  });

  test('the search opens with /, and closes when the reader goes elsewhere', async ({ page }) => {
    await page.goto(READER);
    const field = searchField(page);
    await page.keyboard.press('/');
    await expect(field).toBeFocused();
    await expectFullWidth(page);
    await page.locator('h1').click();
    await expectFolded(page);
    await expect(searchButton(page)).toBeInViewport();

    // By the keyboard: Tab into the field opens it, and out of the search closes it.
    await page.keyboard.press('/');
    await expectFullWidth(page);
    await page.keyboard.press('Tab');
    await expect(searchButton(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expectFolded(page);
  });

  test('the description and the speakers are folded, and open from the keyboard', async ({
    page,
  }) => {
    await page.goto(READER);
    await expect(description(page)).toBeHidden();
    await expect(speakerLinks(page).first()).toBeHidden();
    // From the page's last control before the fold, the next Tab is the fold's summary.
    await page.locator('.transcript-header a[href$="/words/"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(description(page)).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(speakerLinks(page).first()).toBeFocused();
    await expect(speakerLinks(page)).toHaveText(
      seed.transcript.turns
        .map((turn) => turn.speaker)
        .filter((speaker, index, all) => all.indexOf(speaker) === index),
    );
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a phone's header, fold and text size have no axe violations, open or closed (${colorScheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: PHONE, colorScheme });
    const page = await context.newPage();
    await page.goto(READER);
    const parts = ['.site-header', '.transcript-header'];
    const check = async () => {
      const results = await new AxeBuilder({ page }).include(parts).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual(
        [],
      );
    };
    await check();
    await page.locator('.transcript-header summary').click();
    await searchButton(page).click();
    await searchField(page).pressSequentially('model');
    await expect(page.locator('a.search-result').first()).toBeVisible();
    await check();
    await context.close();
  });
}

test.describe('at 390 × 844 without JavaScript', () => {
  test.use({ viewport: PHONE, javaScriptEnabled: false });

  test('the description and the speakers open from their summary', async ({ page }) => {
    await page.goto(READER);
    await expect(description(page)).toBeHidden();
    await page.locator('.transcript-header summary').click();
    await expect(description(page)).toBeVisible();
    await expect(page.locator('.speaker-list li').first()).toBeVisible();
  });
});

test('on a wide screen the description and the speakers are open, with no summary', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(READER);
  await expect(description(page)).toBeVisible();
  await expect(speakerLinks(page).first()).toBeVisible();
  await expect(page.locator('.transcript-header summary')).toBeHidden();
});

for (const width of [390, 320]) {
  // Every kind of page: home, reader, glossaries (a transcript's, the site's index and a page of
  // it), and one that is not there.
  const site = `/glossary/${initialOf(seed.transcript.glossary[0]!)}/`;
  for (const path of ['/', READER, `${READER}glossary/`, '/glossary/', site, '/no-such-page/']) {
    test(`the header is one row with nothing clipped at ${width} px (${path})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 700 });
      for (const mode of ['both', 'zh', 'en']) {
        await page.goto(`${path}?lang=${mode}`);
        expect(await headerProblems(page), mode).toEqual([]);
      }
    });
  }
}

// A glossary's four columns do not fit a phone: each term is read whole, on the screen.
for (const path of [
  `${READER}glossary/`,
  `/glossary/${initialOf(seed.transcript.glossary[0]!)}/`,
]) {
  test(`every term of a glossary shows its Chinese, pinyin, English and links within the screen at 320 px (${path})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(path);
    const rows = page.locator('.glossary-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      for (const cell of await row.locator(':is(th, td)').all()) {
        const box = (await cell.boundingBox())!;
        expect(box.width, await cell.innerText()).toBeGreaterThan(0);
        expect(box.x, await cell.innerText()).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, await cell.innerText()).toBeLessThanOrEqual(320);
      }
    }
    // The column headings are still the table's, for screen readers.
    await expect(page.getByRole('columnheader')).toHaveCount(4);
    await expect(rows.first().getByRole('rowheader')).toHaveCount(1);
  });
}

test('the search field at rest shows its whole placeholder on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(READER);
  expect(await headerProblems(page)).toEqual([]);
  await expect(searchField(page)).toBeInViewport();
});

test('the search button opens the first result of what the field holds', async ({ page }) => {
  await page.goto(READER);
  await searchField(page).fill('稀疏自编码器');
  const first = page.locator('a.search-result').first();
  await expect(first).toBeVisible();
  const href = (await first.getAttribute('href'))!;
  await searchButton(page).click();
  await expect(page).toHaveURL(new RegExp(`${href.split('#')[1]}$`));
});

test.describe('the text size', () => {
  test.use({ viewport: PHONE });

  test('scales both languages of the turns and their pinyin, not the header, and is remembered', async ({
    page,
  }) => {
    await page.goto(READER);
    const fontSize = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    await page.getByRole('button', { name: /Pinyin/ }).click();
    await expect(chinese(page, 1).locator('rt').first()).toBeAttached();
    const before = {
      reading: await fontSize(`${TEXT.zh} rt`),
      zh: await fontSize(TEXT.zh),
      en: await fontSize(TEXT.en),
      header: await fontSize('.site-name'),
      language: await fontSize('.language-control button'),
      speaker: await fontSize('.turn h2'),
    };
    const larger = textSize(page).getByRole('button', { name: '130%' });
    await larger.click();
    await expect(larger).toHaveAttribute('aria-pressed', 'true');
    await expect(textSize(page).getByRole('button', { name: '100%' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(await fontSize(TEXT.zh)).toBeCloseTo(before.zh * 1.3, 1);
    expect(await fontSize(TEXT.en)).toBeCloseTo(before.en * 1.3, 1);
    expect(await fontSize('.site-name')).toBe(before.header);
    expect(await fontSize('.language-control button')).toBe(before.language);
    expect(await fontSize('.turn h2')).toBe(before.speaker);

    expect(await fontSize(`${TEXT.zh} rt`)).toBeCloseTo(before.reading * 1.3, 1);

    await page.reload();
    await expect(textSize(page).getByRole('button', { name: '130%' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await fontSize(TEXT.en)).toBeCloseTo(before.en * 1.3, 1);
    await expect(english(page, 1)).toBeVisible();
  });

  test('a remembered size shifts nothing as the page loads (CLS 0)', async ({ page }) => {
    await page.addInitScript(() => {
      localStorage.setItem('duet:text-size', 'larger');
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(READER, { waitUntil: 'networkidle' });
    // A moment for anything the page does after loading to be drawn.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))),
    );
    expect(await english(page, 1).evaluate((element) => getComputedStyle(element).fontSize)).toBe(
      '20.8px',
    );
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual(
      [],
    );
  });
});

/** The search field at rest on a phone: folded into its button, not a stub of itself. */
async function expectFolded(page: Page): Promise<void> {
  await expect
    .poll(async () => (await searchField(page).boundingBox())?.width)
    .toBeLessThanOrEqual(1);
}

/** The open search field spans the header, over everything else in it. */
async function expectFullWidth(page: Page): Promise<void> {
  const field = await searchField(page).boundingBox();
  const width = page.viewportSize()!.width;
  expect(field!.width).toBeGreaterThan(width * 0.75);
  const header = await page.locator('.site-header').boundingBox();
  expect(field!.y).toBeGreaterThanOrEqual(header!.y);
  expect(field!.y + field!.height).toBeLessThanOrEqual(header!.y + header!.height);
}

/**
 * What is wrong with the header as drawn: a part outside it or on a second
 * row, text cut off in its box, a control too small to tap, the search
 * field showing a stub of its placeholder (drawn, but narrower than it),
 * or a background the text under it shows through.
 */
function headerProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const header = document.querySelector('.site-header-inner')!;
    const bounds = header.getBoundingClientRect();
    const name = (element: Element) => `${element.tagName.toLowerCase()}.${element.className}`;
    const drawn = [...header.querySelectorAll('*')].filter(
      (element) => element.getClientRects().length > 0 && element.getBoundingClientRect().width > 1,
    );
    const rows = new Set<number>();
    for (const part of [...header.children].filter((child) => drawn.includes(child))) {
      const box = part.getBoundingClientRect();
      rows.add(Math.round(box.top + box.height / 2));
    }
    if (Math.max(...rows) - Math.min(...rows) > 2) problems.push(`${rows.size} rows`);
    for (const element of drawn) {
      const box = element.getBoundingClientRect();
      if (box.left < bounds.left - 0.5 || box.right > bounds.right + 0.5) {
        problems.push(`${name(element)} reaches outside the header`);
      }
      if (box.top < bounds.top - 0.5 || box.bottom > bounds.bottom + 0.5) {
        problems.push(`${name(element)} is taller than the header`);
      }
      if (element.scrollWidth > element.clientWidth + 0.5 && element.clientWidth > 0) {
        problems.push(`${name(element)} cuts its text off`);
      }
      // WCAG 2.5.8's smallest target.
      if (element.matches('a, button, input') && (box.width < 24 || box.height < 24)) {
        problems.push(`${name(element)} is too small to tap`);
      }
    }
    const input = header.querySelector<HTMLInputElement>('input[type="search"]')!;
    if (drawn.includes(input)) {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room =
        input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (context.measureText(input.placeholder).width > room) {
        problems.push(`the search field shows a stub of "${input.placeholder}"`);
      }
    }
    // Chromium writes an opaque colour as rgb(); one with alpha as rgba() or color(… / a).
    const background = getComputedStyle(header.parentElement!).backgroundColor;
    if (!background.startsWith('rgb(')) problems.push(`text shows through (${background})`);
    return problems;
  });
}
