/**
 * The reading aids, as a reader uses them: pinyin over the Chinese text,
 * set as a book sets it (no word broken across lines, the characters of a
 * line evenly spaced), and the Chinese text in Traditional characters, each
 * fetched only when its toggle is pressed, remembered, and undone exactly;
 * and search, which reads a Traditional query as the Simplified text it is
 * written in.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strings } from '../../src/lib/strings.ts';
import { bothLanguages, type Localized } from '../../src/lib/localized.ts';
import { corpus, seed } from '../support/corpus.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { escapeRegExp } from '../support/regexp.ts';
import { searchField, typeQuery } from '../support/search-driver.ts';
import { gzipBytes } from '../../bench/units.ts';
import { isHan } from '../../src/lib/reading-aids/format.ts';
import { readingsOf, wordStarts } from '../../src/lib/reading-aids/pinyin.ts';
import { traditionalOf } from '../../src/lib/reading-aids/traditional.ts';
import { chinese, languageControl, READER, TEXT } from './pages.ts';

/** Named in the page's language mode: in English, in Chinese, or in both. */
const named = (name: Localized) =>
  new RegExp(`^(${[name.en, name.zh, bothLanguages(name)].map(escapeRegExp).join('|')})$`);
const aids = (page: Page) => page.getByRole('group', { name: named(strings.readingAids) });
const toggle = (page: Page, name: Localized) =>
  aids(page).getByRole('button', { name: named(name) });
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
    // A ruby's character, whatever a search's mark split its text into.
    const bases = rubies.map((ruby) => Array.from(ruby.textContent!)[0]).join('');
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

/**
 * Every Chinese block as the page shows it with pinyin on: its text (without the pinyin), each
 * ruby's character and reading, and the places of its word breaks (the number of Han characters
 * before each `<wbr>`).
 */
const shownPinyin = (page: Page) =>
  page.locator('.turn-text > :lang(zh)').evaluateAll((blocks) =>
    blocks.map((block) => {
      const rubies = [...block.querySelectorAll('ruby')].map((ruby) => [
        ruby.firstChild!.textContent!,
        ruby.querySelector('rt')!.textContent!,
      ]);
      const breaks: number[] = [];
      let han = 0;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_ALL);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeName === 'WBR') breaks.push(han);
        if (node.nodeType !== Node.TEXT_NODE || node.parentElement?.closest('rt')) continue;
        han += Array.from(node.textContent!).filter((c) => /\p{Script=Han}/u.test(c)).length;
      }
      return { rubies, breaks };
    }),
  );

/** What the build reads in each turn: each Han character (as `shown`) with its reading, and its word breaks. */
function builtPinyin(transcript: Transcript, shown: readonly string[]) {
  return transcript.turns.map((turn, index) => {
    const characters = Array.from(shown[index]!).filter(isHan);
    const starts = wordStarts(turn.zh.text);
    const afterHan = Array.from(turn.zh.text).flatMap((character, at, all) =>
      isHan(character) ? [at > 0 && isHan(all[at - 1]!)] : [],
    );
    return {
      rubies: readingsOf(turn.zh.text)
        .map((reading, at) => [characters[at], reading])
        .filter(([, reading]) => reading),
      breaks: starts.flatMap((start, at) => (start && afterHan[at] ? [at] : [])),
    };
  });
}

/** Each Chinese block's text as the page shows it (pinyin off): its paragraphs a line apart. */
const shownChinese = (page: Page) =>
  page
    .locator('.turn-text > :lang(zh)')
    .evaluateAll((blocks) =>
      blocks.map((block) => [...block.children].map((p) => p.textContent).join('\n')),
    );

for (const { slug, href, transcript } of corpus) {
  test(`every turn shows with pinyin the readings and words the build reads, and with 繁體 the build’s Traditional text (${slug})`, async ({
    page,
  }) => {
    await page.goto(href, { waitUntil: 'networkidle' });
    await traditional(page).click();
    await expect(page.locator('.turn-text > [lang="zh-Hans"]')).toHaveCount(0);
    const converted = transcript.turns.map((turn) => traditionalOf(turn.zh.text));
    expect(await shownChinese(page)).toEqual(converted);

    await pinyin(page).click();
    await expect(page.locator('ruby').first()).toBeVisible();
    expect(await shownPinyin(page)).toEqual(builtPinyin(transcript, converted));

    await traditional(page).click();
    await expect(page.locator('.turn-text > [lang="zh-Hant"]')).toHaveCount(0);
    const written = transcript.turns.map((turn) => turn.zh.text);
    expect(await shownPinyin(page)).toEqual(builtPinyin(transcript, written));
  });
}

/** A Han character of a turn as the page shows it: where its box stands, and the word it is in. */
interface Place {
  character: string;
  top: number;
  centre: number;
  word: number;
}

/**
 * Every turn's Chinese as the page lays it out (turns off screen too, as a layout query forces
 * them): each Han character's place, and `undefined` for what stands between two of them (another
 * character, a paragraph's end). The words are the build's (src/lib/reading-aids/pinyin.ts).
 */
async function characterPlaces(page: Page): Promise<(Place | undefined)[][]> {
  const wordOf = seed.transcript.turns.map((turn) => {
    let word = -1;
    return wordStarts(turn.zh.text).map((starts) => (starts ? ++word : word));
  });
  return page.locator('.turn-text > :lang(zh)').evaluateAll((blocks, wordOf) => {
    // Every turn laid out before any is measured: measuring a turn the page had skipped
    // (content-visibility) lays it out, and the scroll anchoring that follows would move the
    // next characters measured.
    for (const turn of document.querySelectorAll<HTMLElement>('.turn')) {
      turn.style.contentVisibility = 'visible';
    }
    return blocks.map((block, turn) => {
      const places: (Place | undefined)[] = [];
      let han = 0;
      for (const paragraph of block.children) {
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('rt')) continue;
          const text = (node as Text).data;
          for (let at = 0; at < text.length; at++) {
            const character = text[at]!;
            if (!/\p{Script=Han}/u.test(character)) {
              places.push(undefined);
              continue;
            }
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            const box = range.getBoundingClientRect();
            const word = wordOf[turn]![han++]!;
            places.push({
              character,
              top: Math.round(box.top),
              centre: (box.left + box.right) / 2,
              word,
            });
          }
        }
        places.push(undefined);
      }
      return places;
    });
  }, wordOf);
}

test.describe('pinyin set as a book sets it, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const characters of ['Simplified', 'Traditional'] as const) {
    test(`no word breaks across lines, and the characters of a line stand evenly spaced (${characters})`, async ({
      page,
    }) => {
      await page.goto(READER);
      const number = turnWith('问题');
      if (characters === 'Traditional') {
        await traditional(page).click();
        await expect(page.locator(`#turn-${number} [lang="zh-Hant"]`)).toBeAttached();
      }
      await pinyin(page).click();
      const word = characters === 'Traditional' ? '問題' : '问题';
      await expect.poll(() => readingsOver(page, number, word)).toBe('wèn tí');
      const turns = await characterPlaces(page);

      const broken: string[] = [];
      const pitches: number[] = [];
      let lineEnds = 0;
      turns.forEach((places, index) => {
        const han = places.filter((place) => place !== undefined);
        for (let at = 1; at < han.length; at++) {
          const [before, place] = [han[at - 1]!, han[at]!];
          if (place.top === before.top) continue;
          lineEnds++;
          if (place.word === before.word) {
            broken.push(`turn ${index + 1}: ${before.character}|${place.character}`);
          }
        }
        // Neighbours in the text that share a line: their centres one pitch apart.
        for (let at = 1; at < places.length; at++) {
          const [before, place] = [places[at - 1], places[at]];
          if (before && place && before.top === place.top)
            pitches.push(place.centre - before.centre);
        }
      });
      // The page has lines to break, and words across their ends to keep whole.
      expect(lineEnds).toBeGreaterThan(500);
      expect(broken).toEqual([]);
      expect(pitches.length).toBeGreaterThan(5000);
      expect(Math.max(...pitches) - Math.min(...pitches)).toBeLessThan(1);
    });
  }
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

/** The text of a block's search marks, in order, without the pinyin over it. */
const markedText = (page: Page, number: number) =>
  page.locator(`#turn-${number} .turn-text > :lang(zh) mark`).evaluateAll((marks) =>
    marks
      .map((mark) => {
        const copy = mark.cloneNode(true) as Element;
        for (const rt of copy.querySelectorAll('rt')) rt.remove();
        return copy.textContent;
      })
      .join(''),
  );

test.describe('with pinyin shown, a search’s landing marks the words found, under their readings', () => {
  const number = turnWith('可解释性');
  const written = seed.transcript.turns[number - 1]!.zh.text;
  const found = written.split('可解释性').length - 1;

  test('a landing on a page that already shows pinyin', async ({ page }) => {
    await page.goto(`${READER}?lang=en`);
    await pinyin(page).click();
    await expect(chinese(page, 1).locator('ruby').first()).toBeAttached();
    await searchField(page).focus();
    await typeQuery(page, searchField(page), '可解释性');
    await page.locator(`a.search-result[href$="#turn-${number}"]`).click();
    await expect.poll(() => markedText(page, number)).toBe('可解释性'.repeat(found));
    expect(await readingsOver(page, number, '可解释性')).toBe('kě jiě shì xìng');
  });

  test('a landing address opened with pinyin remembered', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('duet:pinyin', 'on'));
    await page.goto(`${READER}?in=zh&mark=${encodeURIComponent('可解释性')}#turn-${number}`);
    await expect.poll(() => readingsOver(page, number, '可解释性')).toBe('kě jiě shì xìng');
    await expect.poll(() => markedText(page, number)).toBe('可解释性'.repeat(found));
  });
});

test('without JavaScript the toggles are not shown', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(READER);
  await expect(aids(page)).toBeHidden();
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
