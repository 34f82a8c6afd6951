/**
 * Looking up a word, as a reader does it: a click, a tap or the keyboard on
 * a Chinese word of the seed opens a popup with CC-CEDICT's pinyin and
 * definitions of the whole word (迭代, not 迭), credited; Escape closes it;
 * Save keeps the word; the page stays axe-clean with it open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { seed } from '../support/corpus.ts';
import { READER } from './pages.ts';
import { traditionalOf } from '../../src/lib/reading-aids/traditional.ts';
import { SAVED_KEY } from '../../src/lib/dictionary/word-list.ts';
import { BUDGETS } from '../../bench/budgets.ts';
import { bytesSent } from '../../bench/serve.ts';
import { kilobytes } from '../../bench/units.ts';

/** The first turn of the seed whose Chinese holds `word`. */
function turnWith(word: string): number {
  const found = seed.transcript.turns.find((turn) => turn.zh.text.includes(word));
  if (!found) throw new Error(`The seed transcript never writes ${word}`);
  return found.number;
}

/**
 * The middle of the word's second character on the page, brought to the middle of the window;
 * `shown` is the word as the page shows it (in Traditional characters with 繁體 on).
 */
async function pointOf(page: Page, word: string, shown = word): Promise<{ x: number; y: number }> {
  const block = page.locator(`#turn-${turnWith(word)} .turn-text > :lang(zh)`);
  await block.scrollIntoViewIfNeeded();
  return block.evaluate(async (element, word) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      // In the middle of the window, clear of the sticky header. Turns scrolled near are laid
      // out only then (content-visibility), which can move the word: measured until it stays.
      scrollBy(0, range.getBoundingClientRect().top - innerHeight / 2);
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      let box = range.getBoundingClientRect();
      for (let tries = 0; tries < 20; tries++) {
        await frame();
        await frame();
        const now = range.getBoundingClientRect();
        if (now.top === box.top && now.left === box.left) break;
        box = now;
      }
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    throw new Error(`${word} is not in one text node`);
  }, shown);
}

const popup = (page: Page) => page.getByRole('dialog', { name: /Dictionary|词典/ });

for (const [word, pinyin, definition] of [
  ['迭代', 'dié dài', 'to iterate'],
  ['诱惑', 'yòu huò', 'to entice'],
]) {
  test(`a click on ${word} shows its pinyin and definitions from CC-CEDICT`, async ({ page }) => {
    await page.goto(READER);
    const { x, y } = await pointOf(page, word!);
    await page.mouse.click(x, y);
    const shown = popup(page);
    await expect(shown).toBeVisible();
    await expect(shown.locator('.lookup-word')).toHaveText(word!);
    await expect(shown).toContainText(pinyin!);
    await expect(shown).toContainText(definition!);
    await expect(shown.getByRole('link', { name: /CC-CEDICT/ })).toBeVisible();
    // Never over the word.
    const box = (await shown.boundingBox())!;
    expect(y < box.y || y > box.y + box.height).toBe(true);
    await page.keyboard.press('Escape');
    await expect(shown).toHaveCount(0);
  });
}

for (const [word, pinyin, definition] of [
  ['迭代', 'dié dài', 'to iterate'],
  ['诱惑', 'yòu huò', 'to entice'],
]) {
  const shown = traditionalOf(word!);
  test(`with 繁體 on, a click on ${shown} shows the entry of ${word}, its Traditional form first`, async ({
    page,
  }) => {
    await page.goto(READER);
    await page
      .getByRole('group', { name: /Reading aids|阅读辅助/ })
      .getByRole('button', { name: '繁體' })
      .click();
    await expect(page.locator(`#turn-${turnWith(word!)} .turn-text > :lang(zh)`)).toHaveAttribute(
      'lang',
      'zh-Hant',
    );
    const { x, y } = await pointOf(page, word!, shown);
    await page.mouse.click(x, y);
    const popped = popup(page);
    await expect(popped.locator('.lookup-word')).toContainText(shown);
    await expect(popped).toContainText(pinyin!);
    await expect(popped).toContainText(definition!);
    await expect(popped).not.toContainText(/Not in CC-CEDICT|CC-CEDICT 未收此词/);
  });
}

test('a tap reaches a word on a phone', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(READER);
  const { x, y } = await pointOf(page, '迭代');
  await page.touchscreen.tap(x, y);
  const shown = popup(page);
  await expect(shown).toContainText('dié dài');
  const box = (await shown.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.mouse.click(5, 5);
  await expect(shown).toHaveCount(0);
  await context.close();
});

test('the keyboard moves a word cursor through the focused turn', async ({ page }) => {
  await page.goto(READER);
  const number = turnWith('迭代');
  const turn = page.locator(`#turn-${number}`);
  await turn.evaluate((element: HTMLElement) => {
    element.tabIndex = -1;
    element.focus();
  });
  await page.keyboard.press('w');
  const shown = popup(page);
  await expect(shown).toBeVisible();
  const first = await shown.locator('.lookup-word').textContent();
  const text = seed.transcript.turns[number - 1]!.zh.text;
  expect(text.replace(/\P{Script=Han}/gu, '').startsWith(first!)).toBe(true);
  await page.keyboard.press('w');
  await expect(shown.locator('.lookup-word')).not.toHaveText(first!);
  await page.keyboard.press('Shift+W');
  await expect(popup(page).locator('.lookup-word')).toHaveText(first!);
  await page.keyboard.press('Escape');
  await expect(popup(page)).toHaveCount(0);
  await expect(turn).toBeFocused();
});

test('Save keeps the word with its sentence and turn; no Listen without a Chinese voice', async ({
  page,
}) => {
  await page.goto(READER);
  const { x, y } = await pointOf(page, '诱惑');
  await page.mouse.click(x, y);
  const save = popup(page).getByRole('button', { name: 'Save 收藏' });
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), SAVED_KEY);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ word: '诱惑', pinyin: 'yòu huò' });
  expect(stored[0].sentence).toContain('诱惑');
  expect(stored[0].link).toMatch(new RegExp(`#turn-${turnWith('诱惑')}$`));
  const voices = await page.evaluate(() => speechSynthesis.getVoices().length);
  expect(voices).toBe(0);
  await expect(popup(page).getByRole('button', { name: /Listen|朗读/ })).toHaveCount(0);
});

test('axe finds nothing with the popup open', async ({ page }) => {
  await page.goto(READER);
  const { x, y } = await pointOf(page, '迭代');
  await page.mouse.click(x, y);
  await expect(popup(page)).toContainText('dié dài');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('a glossed term CC-CEDICT lacks opens with its pinyin, its gloss and "Not in CC-CEDICT"', async ({
  page,
}) => {
  await page.goto(READER);
  const { x, y } = await pointOf(page, '可解释性');
  await page.mouse.click(x, y);
  const shown = popup(page);
  await expect(shown.locator('.lookup-word')).toHaveText('可解释性');
  await expect(shown).toContainText('kě jiě shì xìng');
  await expect(shown).toContainText('interpretability');
  await expect(shown).toContainText(/Not in CC-CEDICT|CC-CEDICT 未收此词/);
});

test('a dictionary file that fails to load says so, and Try again loads it', async ({ page }) => {
  await page.goto(READER);
  let refused = true;
  await page.route('**/words.json', (route) => (refused ? route.abort() : route.continue()));
  const { x, y } = await pointOf(page, '迭代');
  await page.mouse.click(x, y);
  const shown = popup(page);
  await expect(shown).toContainText(/did not load|未能加载/);
  refused = false;
  await shown.getByRole('button', { name: /Try again|重试/ }).click();
  await expect(popup(page)).toContainText('dié dài');
});

test('Save, then the word list from the reader: the word, its turn, its CSV, removed', async ({
  page,
}) => {
  await page.goto(READER);
  const { x, y } = await pointOf(page, '迭代');
  await page.mouse.click(x, y);
  await popup(page).getByRole('button', { name: 'Save 收藏' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: /^(Words|生词|Words 生词)$/ }).click();
  const item = page.locator('.words li');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('dié dài');
  await expect(item).toContainText('to iterate');
  const turnLink = item.getByRole('link', { name: '迭代' });
  await expect(turnLink).toHaveAttribute('href', new RegExp(`#turn-${turnWith('迭代')}$`));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export CSV|导出 CSV/ }).click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  const [header, row] = text.split('\r\n');
  expect(header).toBe('word,pinyin,definition,sentence,link');
  expect(row).toMatch(/^迭代,dié dài,.*to iterate.*#turn-\d+$/);
  await page.reload();
  await expect(item).toHaveCount(1);
  await expect(page.getByRole('link', { name: /CC-CEDICT/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CC BY-SA 4.0' })).toHaveAttribute(
    'href',
    /creativecommons\.org\/licenses\/by-sa\/4\.0/,
  );
  // A removal says so with an Undo, which has the focus and puts the word back, kept.
  const said = page.locator('.word-status');
  const undo = said.getByRole('button', { name: /Undo|撤销/ });
  await item.getByRole('button', { name: /Remove|删除/ }).click();
  await expect(item).toHaveCount(0);
  await expect(said).toContainText('Removed 迭代.');
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(item).toHaveCount(1);
  await page.getByRole('button', { name: /Remove all|全部删除/ }).click();
  await expect(item).toHaveCount(0);
  await expect(said).toContainText('Removed 迭代.');
  await undo.click();
  await page.reload();
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: /Remove|删除/ }).click();
  await expect(item).toHaveCount(0);
  await expect(page.locator('.word-empty')).toBeVisible();
  // Nothing to export or remove: the buttons go with the words.
  await expect(page.getByRole('button', { name: /Export CSV|导出 CSV/ })).toBeHidden();
  await expect(page.getByRole('button', { name: /Remove all|全部删除/ })).toBeHidden();
});

test(`the first lookup fetches at most ${kilobytes(BUDGETS.lookup.firstBytes)} and a later popup opens within ${BUDGETS.lookup.popupMs} ms`, async ({
  page,
}) => {
  await page.goto(READER, { waitUntil: 'networkidle' });
  const responses: Promise<number>[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    responses.push(response.body().then((body) => bytesSent(type, body)));
  });
  const first = await pointOf(page, '迭代');
  await page.mouse.click(first.x, first.y);
  await expect(popup(page)).toContainText('dié dài');
  await page.waitForLoadState('networkidle');
  const sent = await Promise.all(responses);
  const bytes = sent.reduce((sum, size) => sum + size, 0);
  expect(bytes, `${kilobytes(bytes)} in ${sent.length} requests`).toBeLessThanOrEqual(
    BUDGETS.lookup.firstBytes,
  );

  await page.keyboard.press('Escape');
  const later = await pointOf(page, '诱惑');
  // From the tap's event to the definitions on the page, timed by the page's own clock; the
  // listeners are in place before the tap.
  await page.evaluate(() => {
    const timed = window as unknown as { popupMs: Promise<number> };
    timed.popupMs = new Promise<number>((resolve) => {
      let tapped = 0;
      document.addEventListener('click', (event) => (tapped = event.timeStamp), {
        capture: true,
        once: true,
      });
      new MutationObserver((_, observer) => {
        if (tapped && document.querySelector('.lookup .lookup-definitions')) {
          observer.disconnect();
          resolve(performance.now() - tapped);
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
  await page.mouse.click(later.x, later.y);
  const ms = await page.evaluate(() => (window as unknown as { popupMs: Promise<number> }).popupMs);
  console.log(
    `first lookup ${kilobytes(bytes)} in ${sent.length} requests; a later popup in ${ms.toFixed(1)} ms`,
  );
  expect(ms).toBeLessThanOrEqual(BUDGETS.lookup.popupMs);
});

test('with a Chinese voice, the popup offers Listen for the word and its turn', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const voice = { lang: 'zh-CN', name: 'Test voice', default: true, localService: true };
    speechSynthesis.getVoices = () => [voice as unknown as SpeechSynthesisVoice];
  });
  await page.goto(READER);
  const { x, y } = await pointOf(page, '迭代');
  await page.mouse.click(x, y);
  await expect(
    popup(page).getByRole('button', { name: /^(Listen|朗读|Listen 朗读)$/ }),
  ).toBeVisible();
  await expect(
    popup(page).getByRole('button', { name: /Listen to the turn|朗读本段/ }),
  ).toBeVisible();
});
