/**
 * The reading aids that move a reader through a transcript: j and k, the
 * shortcuts' dialog, range links and selecting turns, partner paragraphs
 * in Both mode, and one speaker's turns; each loaded on first use.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { long, seed, transcript } from '../support/corpus.ts';
import { PUBLISHED } from '../support/paths.ts';
import { at, chinese, english, languageControl, READER, turn, TURN_COUNT } from './pages.ts';
import { bothLanguages, inMode } from '../../src/lib/localized.ts';
import { fill, turnStrings } from '../../src/lib/strings.ts';

const announcer = (page: Page) => page.getByRole('status');

/** The bar of the range `first`–`last`, named by its label ("Turns 3–5 第 3–5 段" in Both, "Turn 8 第 8 段"). */
const rangeBar = (page: Page, first: number, last: number, mode: 'both' | 'zh' | 'en' = 'both') =>
  page.getByRole('group', {
    name: inMode(
      fill(first === last ? turnStrings.oneTurn : turnStrings.turns, { first, last }),
      mode,
    ),
    exact: true,
  });

/** Where the sticky header ends, in the window. */
async function headerBottom(page: Page): Promise<number> {
  const box = await page.locator('.site-header').boundingBox();
  return box!.y + box!.height;
}

/** The turn's top is just below the sticky header: in view, not under it. */
async function expectBelowHeader(page: Page, number: number) {
  await expect(turn(page, number)).toBeInViewport();
  const top = (await turn(page, number).boundingBox())!.y;
  const header = await headerBottom(page);
  expect(top).toBeGreaterThanOrEqual(header - 1);
  expect(top).toBeLessThan(header + 24);
}

const background = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => getComputedStyle(element).backgroundColor);

const speakerOf = (number: number) => seed.transcript.turns[number - 1]!.speaker;
const turnsOf = (speaker: string) =>
  seed.transcript.turns.filter((entry) => entry.speaker === speaker).map((entry) => entry.number);

test('the first view loads none of the aids; the first use of one loads it', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  // The rules of the range bar, one of the aids' styles, wherever the page holds styles.
  const aidRules = () =>
    page.evaluate(
      () =>
        [...document.styleSheets, ...document.adoptedStyleSheets]
          .flatMap((sheet) => [...sheet.cssRules])
          .filter((rule) => rule.cssText.includes('range-bar')).length,
    );
  await page.goto(READER, { waitUntil: 'networkidle' });
  const firstView = requested.length;
  expect(await aidRules()).toBe(0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(requested.slice(firstView).filter((path) => path.endsWith('.js')).length).toBeGreaterThan(
    0,
  );
  expect(await aidRules()).toBeGreaterThan(0);
});

test.describe('the keyboard', () => {
  test('j and k go to the next and previous turn, below the header, and say which', async ({
    page,
  }) => {
    await page.goto(READER);
    await page.keyboard.press('j');
    await expect(turn(page, 1)).toBeFocused();
    await expectBelowHeader(page, 1);
    await expect(announcer(page)).toHaveText(`Turn 1 of ${TURN_COUNT}, ${speakerOf(1)}`);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(turn(page, 3)).toBeFocused();
    await expectBelowHeader(page, 3);
    await expect(announcer(page)).toHaveText(`Turn 3 of ${TURN_COUNT}, ${speakerOf(3)}`);
    await page.keyboard.press('k');
    await expect(turn(page, 2)).toBeFocused();
    await expectBelowHeader(page, 2);
    // The focus is visible.
    expect(
      await turn(page, 2).evaluate((element) => getComputedStyle(element).outlineStyle),
    ).not.toBe('none');
  });

  test('j goes on from the turn a permalink opened, far down a long transcript', async ({
    page,
  }) => {
    const from = long.transcript.turns.length - 20;
    await page.goto(`${long.href}#turn-${from}`);
    await expectBelowHeader(page, from);
    await page.keyboard.press('j');
    await expect(turn(page, from + 1)).toBeFocused();
    await expectBelowHeader(page, from + 1);
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect(turn(page, from - 1)).toBeFocused();
    await expectBelowHeader(page, from - 1);
  });

  test('j, k and ? are typed into the search field, not obeyed', async ({ page }) => {
    await page.goto(READER);
    // Outside the field j is obeyed, so the keys' code is in the page before they are typed.
    await page.keyboard.press('j');
    await expect(turn(page, 1)).toBeFocused();
    const search = page.getByRole('searchbox', { name: /Search/ });
    await search.focus();
    await page.keyboard.type('jk?');
    await expect(search).toHaveValue('jk?');
    await expect(search).toBeFocused();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    // And j after them, outside the field, goes on from turn 1: the typed keys moved nothing.
    await turn(page, 1).focus();
    await page.keyboard.press('j');
    await expect(turn(page, 2)).toBeFocused();
  });

  test('? opens a dialog of every shortcut; Escape closes it, and the focus goes back', async ({
    page,
  }) => {
    await page.goto(READER);
    const permalink = turn(page, 4).getByRole('link', { name: 'Turn 4', exact: true });
    await permalink.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts 键盘快捷键' });
    await expect(dialog).toBeVisible();
    const keys = await dialog.locator('kbd').allTextContents();
    for (const key of ['j', 'k', '?', '/', 'Ctrl', 'K', '⌘', 'Esc', 'Shift', 'Enter']) {
      expect(keys).toContain(key);
    }
    await expect(dialog).toContainText('Next turn');
    await expect(dialog).toContainText('Previous turn');
    // The page behind is inert while it is open: j, whose code opened the dialog, moves nothing
    // and says nothing, as heard once Escape, pressed after it, has closed the dialog.
    await expect(announcer(page)).toBeEmpty();
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press('j');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(permalink).toBeFocused();
    await expect(announcer(page)).toBeEmpty();
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);

    // Its Close button closes it as well.
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close 关闭' }).click();
    await expect(dialog).toBeHidden();
    await expect(permalink).toBeFocused();
  });

  test('a key with Ctrl, Alt or ⌘ held is not a shortcut', async ({ page }) => {
    await page.goto(READER);
    // Alone, j is obeyed: the keys' code is in the page before the chords are pressed.
    await page.keyboard.press('j');
    await expect(turn(page, 1)).toBeFocused();
    for (const modifier of ['Control', 'Alt', 'Meta']) {
      await page.keyboard.press(`${modifier}+j`);
      await page.keyboard.press(`${modifier}+Shift+?`);
    }
    // j alone after them goes on from turn 1: none of the chords moved or opened anything.
    await page.keyboard.press('j');
    await expect(turn(page, 2)).toBeFocused();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('ranges of turns', () => {
  test('#turn-3-5 opens at turn 3 and marks turns 3 to 5 while it is the address', async ({
    page,
  }) => {
    await page.goto(`${READER}#turn-20`);
    const targetBackground = await background(page, '#turn-20');
    const plain = await background(page, '#turn-21');

    await page.goto(`${READER}#turn-3-5`);
    await expectBelowHeader(page, 3);
    for (const number of [3, 4, 5]) {
      expect(await background(page, `#turn-${number}`)).toBe(targetBackground);
    }
    for (const number of [2, 6]) expect(await background(page, `#turn-${number}`)).toBe(plain);

    await page.evaluate(() => (location.hash = '#turn-10'));
    await expect(turn(page, 10)).toBeInViewport();
    for (const number of [3, 4, 5]) expect(await background(page, `#turn-${number}`)).toBe(plain);
  });

  test('a range written backwards is the same range; one running past the end stops there', async ({
    page,
  }) => {
    await page.goto(`${READER}#turn-20`);
    const targetBackground = await background(page, '#turn-20');
    await page.goto(`${READER}#turn-9-7`);
    await expectBelowHeader(page, 7);
    for (const number of [7, 8, 9]) {
      expect(await background(page, `#turn-${number}`)).toBe(targetBackground);
    }
    await page.goto(`${READER}#turn-${TURN_COUNT - 1}-${TURN_COUNT + 50}`);
    await expect(turn(page, TURN_COUNT - 1)).toBeInViewport();
    expect(await background(page, `#turn-${TURN_COUNT}`)).toBe(targetBackground);
  });

  test('a range far down a long transcript opens at its first turn', async ({ page }) => {
    const first = long.transcript.turns.length - 12;
    await page.goto(`${long.href}#turn-${first}-${first + 2}`);
    await expectBelowHeader(page, first);
  });

  for (const mode of ['both', 'zh'] as const) {
    test(`a range's address names the range and offers its copy at once, in the page's language (${mode})`, async ({
      page,
    }) => {
      await page.goto(`${READER}?lang=${mode}#turn-3-5`);
      // No scroll, point, tap or key: the address alone.
      const bar = rangeBar(page, 3, 5, mode);
      await expect(bar).toBeVisible();
      await expect(bar).toBeInViewport();
      await expect(
        bar.getByRole('button', { name: inMode(turnStrings.copyLink, mode), exact: true }),
      ).toBeVisible();
      await expect(
        bar.getByRole('button', { name: inMode(turnStrings.clear, mode), exact: true }),
      ).toBeVisible();
      // Named in the page's language alone: in 中文 mode, no English in it.
      if (mode === 'zh') expect(await bar.innerText()).not.toMatch(/[A-Za-z]/);
    });
  }

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

    /** Holds a finger on `number`'s permalink for `ms` milliseconds, as a reader's long press does. */
    async function press(page: Page, number: number, ms = 800) {
      const permalink = turn(page, number).getByRole('link', {
        name: `Turn ${number}`,
        exact: true,
      });
      await permalink.scrollIntoViewIfNeeded();
      // The turns around it, laid out only as they come near (content-visibility), may move it once
      // more: the finger lands where it stands still from one frame to the next.
      const frame = () => page.evaluate(() => new Promise(requestAnimationFrame));
      let box = (await permalink.boundingBox())!;
      for (let moved = true; moved;) {
        await frame();
        const now = (await permalink.boundingBox())!;
        moved = now.x !== box.x || now.y !== box.y;
        box = now;
      }
      const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
      await page.waitForTimeout(ms);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
    }

    test('a tap on a turn’s number, then a long press on another’s, selects the turns between', async ({
      page,
      context,
    }) => {
      await page.goto(READER);
      await turn(page, 3).getByRole('link', { name: 'Turn 3', exact: true }).tap();
      await expect(page).toHaveURL(new RegExp(`${READER}#turn-3$`));
      await press(page, 5);
      await expect(page).toHaveURL(new RegExp(`${READER}#turn-3-5$`));
      await expect(rangeBar(page, 3, 5)).toBeVisible();
      for (const number of [3, 4, 5])
        await expect(turn(page, number)).toHaveAttribute('data-in-range');
      await expect(turn(page, 6)).not.toHaveAttribute('data-in-range');
      // The press opened no window and no menu of the browser's, and left no text selected.
      expect(context.pages()).toHaveLength(1);
      expect(await page.evaluate(() => getSelection()?.toString())).toBe('');

      // A long press alone chooses where a range starts; a second one ends it.
      await page.goto(`${READER}?lang=zh`);
      await press(page, 8);
      await expect(rangeBar(page, 8, 8, 'zh')).toBeVisible();
      await press(page, 10);
      await expect(rangeBar(page, 8, 10, 'zh')).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${READER}\\?lang=zh#turn-8-10$`));
    });

    test('a touch on a turn’s number is told a long press or a tap by how long it was held, however late the actions’ code comes', async ({
      page,
    }) => {
      // The first touch loads the actions' code, which arrives here only once the finger has lifted.
      await page.route('**/reader-actions.*.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.goto(READER);
      await press(page, 5);
      await expect(rangeBar(page, 5, 5)).toBeVisible();
      await expect(turn(page, 5)).toHaveAttribute('data-in-range');

      await page.goto(READER);
      const loaded = page.waitForResponse(/reader-actions/);
      await press(page, 7, 100);
      await expect(page).toHaveURL(new RegExp(`${READER}#turn-7$`));
      // Once the code has come, and a long press would have been told, the tap is still none.
      await loaded;
      await page.waitForTimeout(1000);
      await expect(page.locator('.range-bar')).toHaveCount(0);
    });

    test('a tap on a turn’s number is still a permalink', async ({ page }) => {
      await page.goto(READER);
      await turn(page, 12).getByRole('link', { name: 'Turn 12', exact: true }).tap();
      await expect(page).toHaveURL(new RegExp(`${READER}#turn-12$`));
      await expect(page.locator('.range-bar')).toHaveCount(0);
      await expect(turn(page, 12)).not.toHaveAttribute('data-in-range');
    });
  });

  test(
    'a shift-click on a turn’s number selects the turns from the last one chosen, and its link copies',
    { tag: '@published' },
    async ({ page, context, baseURL }, { project }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const reader = at(baseURL, READER);
      await page.goto(reader);
      await turn(page, 3).getByRole('link', { name: 'Turn 3', exact: true }).click();
      const targetBackground = await background(page, '#turn-3');
      const plain = await background(page, '#turn-6');
      await turn(page, 5)
        .getByRole('link', { name: 'Turn 5', exact: true })
        .click({ modifiers: ['Shift'] });
      await expect(page).toHaveURL(new RegExp(`${reader}#turn-3-5$`));
      // A shift-click on a link would open a window: it selects instead.
      expect(context.pages()).toHaveLength(1);
      for (const number of [3, 4, 5]) {
        expect(await background(page, `#turn-${number}`)).toBe(targetBackground);
      }
      expect(await background(page, '#turn-6')).toBe(plain);
      // Said in the page's language: English in Both, as every announcement is (src/client/say.ts).
      await expect(announcer(page)).toHaveText(
        fill(turnStrings.selected, { first: 3, last: 5 }).en,
      );

      const copy = rangeBar(page, 3, 5).getByRole('button', { name: /^Copy link/ });
      await copy.click();
      await expect(announcer(page)).toHaveText(turnStrings.copied.en);
      // A tick after the button's words says so on screen too.
      expect(
        await copy.evaluate((element) => getComputedStyle(element, '::after').content),
      ).toContain('✓');
      // The reader's address of the range, under the site URL when the build has one.
      const root = project.name === 'published' ? PUBLISHED.site : new URL(baseURL!).origin;
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(`${root}${reader}#turn-3-5`);

      // From the same first turn, the other way.
      await turn(page, 1)
        .getByRole('link', { name: 'Turn 1', exact: true })
        .click({ modifiers: ['Shift'] });
      await expect(page).toHaveURL(new RegExp(`${reader}#turn-1-3$`));
      await expect(rangeBar(page, 1, 3).getByRole('button', { name: /^Copy link/ })).toBeVisible();
      expect(await background(page, '#turn-5')).toBe(plain);
    },
  );

  test('Shift+Enter on a turn’s number selects from the keyboard; Clear ends the selection', async ({
    page,
  }) => {
    await page.goto(READER);
    await turn(page, 7).getByRole('link', { name: 'Turn 7', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${READER}#turn-7$`));
    const nine = turn(page, 9).getByRole('link', { name: 'Turn 9', exact: true });
    await nine.focus();
    await page.keyboard.press('Shift+Enter');
    await expect(page).toHaveURL(new RegExp(`${READER}#turn-7-9$`));
    const bar = rangeBar(page, 7, 9);
    await expect(bar.getByRole('button', { name: /^Copy link/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(
      bar.getByRole('button', { name: bothLanguages(turnStrings.clear), exact: true }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(bar).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${READER}$`));
    await expect(nine).toBeFocused();
    await expect(turn(page, 8)).not.toHaveAttribute('data-in-range');
  });
});

test.describe('partner paragraphs', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  // The seed's turn 13 has three paragraphs in each language.
  const paragraph = (page: Page, language: 'zh' | 'en', number: number, index: number) =>
    (language === 'zh' ? chinese : english)(page, number).locator('p').nth(index);
  const tint = (page: Page, language: 'zh' | 'en', number: number, index: number) =>
    paragraph(page, language, number, index).evaluate(
      (element) => getComputedStyle(element).backgroundColor,
    );

  test('in Both mode, pointing at a paragraph marks the one in the same place in the other language', async ({
    page,
  }) => {
    expect(seed.transcript.turns[12]!.zh.text.split('\n')).toHaveLength(3);
    await page.goto(`${READER}?lang=both#turn-13`);
    const plain = await tint(page, 'zh', 13, 1);
    await paragraph(page, 'en', 13, 1).hover();
    await expect.poll(() => tint(page, 'zh', 13, 1)).not.toBe(plain);
    expect(await tint(page, 'zh', 13, 0)).toBe(plain);
    expect(await tint(page, 'zh', 13, 2)).toBe(plain);

    await paragraph(page, 'zh', 13, 2).hover();
    await expect.poll(() => tint(page, 'en', 13, 2)).not.toBe(plain);
    expect(await tint(page, 'zh', 13, 1)).toBe(plain);

    await page.locator('.site-header').hover();
    await expect.poll(() => tint(page, 'en', 13, 2)).toBe(plain);
  });

  test('focusing a link in a paragraph marks its partner', async ({ page }) => {
    const fireside = transcript('interpretability-fireside');
    const linked = fireside.transcript.turns.find((entry) => entry.en.html.includes('<a '));
    expect(linked).toBeDefined();
    await page.goto(`${fireside.href}?lang=both`);
    const plain = await tint(page, 'zh', linked!.number, 0);
    await english(page, linked!.number).getByRole('link').focus();
    await expect.poll(() => tint(page, 'zh', linked!.number, 0)).not.toBe(plain);
  });

  test('nothing is marked in one language, nor where the blocks have different numbers of paragraphs', async ({
    page,
  }) => {
    await page.goto(`${READER}?lang=both#turn-13`);
    const plain = await tint(page, 'en', 13, 0);
    // In Both mode a hover marks the partner: the partners' code is in the page from here on.
    await paragraph(page, 'en', 13, 0).hover();
    await expect.poll(() => tint(page, 'zh', 13, 0)).not.toBe(plain);
    await languageControl(page).getByRole('button', { name: 'English' }).click();
    await paragraph(page, 'en', 13, 1).hover();
    expect(await tint(page, 'en', 13, 1)).toBe(plain);

    const fireside = transcript('interpretability-fireside');
    const uneven = fireside.transcript.turns.find(
      (entry) => entry.zh.text.split('\n').length !== entry.en.text.split('\n').length,
    );
    expect(uneven).toBeDefined();
    await page.goto(`${fireside.href}?lang=both#turn-${uneven!.number}`);
    // A turn with as many paragraphs on each side, just above, is marked by a hover: the
    // partners' code is in the page before the uneven turn is pointed at.
    await english(page, uneven!.number - 1)
      .locator('p')
      .first()
      .hover();
    await expect.poll(() => tint(page, 'zh', uneven!.number - 1, 0)).not.toBe(plain);
    await english(page, uneven!.number).locator('p').first().hover();
    for (const language of ['zh', 'en'] as const) {
      expect(await tint(page, language, uneven!.number, 0)).toBe(plain);
    }
  });
});

test.describe('one speaker', () => {
  test('?speaker= shows only that speaker’s turns, says so, and links back to all', async ({
    page,
  }) => {
    const josh = turnsOf('Josh');
    await page.goto(`${READER}?lang=en&speaker=Josh`);
    await expect(page.locator('.turn:visible')).toHaveCount(josh.length);
    for (const number of josh) await expect(turn(page, number)).toBeVisible();
    await expect(turn(page, 1)).toBeHidden();
    const note = page
      .locator('.speaker-note')
      .filter({ hasText: `Showing only Josh’s turns (${josh.length} of ${TURN_COUNT})` });
    await expect(note).toBeVisible();
    const all = note.getByRole('link', { name: 'Show all', exact: true });
    await all.click();
    await expect(page).toHaveURL(new RegExp(`${READER}\\?lang=en$`));
    await expect(page.locator('.turn:visible')).toHaveCount(TURN_COUNT);
  });

  test(
    'the speaker list links to each speaker’s turns',
    { tag: '@published' },
    async ({ page, baseURL }) => {
      const amanda = turnsOf('Amanda Askell');
      const reader = at(baseURL, READER);
      await page.goto(reader);
      await page.locator('.speaker-list').getByRole('link', { name: 'Amanda Askell' }).click();
      await expect(page).toHaveURL(new RegExp(`${reader}\\?speaker=Amanda\\+Askell$`));
      await expect(page.locator('.turn:visible')).toHaveCount(amanda.length);
      await expect(
        page.locator('.speaker-list').getByRole('link', { name: 'Amanda Askell' }),
      ).toHaveAttribute('aria-current', 'true');
      // Show all goes back to the reader under the base.
      await page.getByRole('link', { name: 'Show all 显示全部' }).click();
      await expect(page).toHaveURL(new RegExp(`${reader}$`));
    },
  );

  test('the note’s link back to every speaker wraps whole on a phone, never leaving a character alone', async ({
    page,
  }) => {
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 800 });
      for (const speaker of new Set(seed.transcript.turns.map((entry) => entry.speaker))) {
        await page.goto(`${READER}?speaker=${encodeURIComponent(speaker)}`);
        const all = page.locator('.speaker-note').getByRole('link');
        // The link's boxes, one per line it stands on (a line may hold a box for each language).
        const lines = await all.evaluate(
          (link) => new Set([...link.getClientRects()].map((box) => Math.round(box.top))).size,
        );
        expect(lines, `${speaker}, ${width} px`).toBe(1);
      }
    }
  });

  test('an unknown speaker hides nothing and says so', async ({ page }) => {
    await page.goto(`${READER}?speaker=Nobody`);
    await expect(page.getByText('No one called “Nobody” speaks in this transcript')).toBeVisible();
    await expect(page.locator('.turn:visible')).toHaveCount(TURN_COUNT);
  });

  test('j and k step over the other speakers’ turns; a permalink to one of them still shows it', async ({
    page,
  }) => {
    const [first, second] = turnsOf('Josh');
    await page.goto(`${READER}?speaker=Josh`);
    // As a reader would, once the page shows one speaker.
    await expect(page.locator('.speaker-note')).toBeVisible();
    await page.keyboard.press('j');
    await expect(turn(page, first!)).toBeFocused();
    await page.keyboard.press('j');
    await expect(turn(page, second!)).toBeFocused();
    await expectBelowHeader(page, second!);

    const other = seed.transcript.turns.find(
      (entry) => entry.speaker !== 'Josh' && entry.number > 20,
    )!;
    await page.goto(`${READER}?speaker=Josh#turn-${other.number}`);
    await expect(turn(page, other.number)).toBeInViewport();
    // Near the end of the shortened page the turn may not reach the top; it is never under the header.
    expect((await turn(page, other.number).boundingBox())!.y).toBeGreaterThanOrEqual(
      (await headerBottom(page)) - 1,
    );
  });

  test('a search result’s landing keeps the one speaker view', async ({ page }) => {
    await page.goto(`${READER}?lang=zh&speaker=Josh&in=en&mark=bell#turn-13`);
    await expect(page.locator('mark[data-search-highlight="found"]')).toHaveText(/bell/i);
    await expect(english(page, 13)).toBeVisible();
    await expect(page.locator('.turn:visible')).toHaveCount(turnsOf('Josh').length);
    await expect(page).toHaveURL(new RegExp(`${READER}\\?lang=zh&speaker=Josh#turn-13$`));
  });

  test('without JavaScript the speakers are not links and every turn shows', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${READER}?speaker=Josh`);
    await expect(page.locator('.speaker-list a')).toHaveCount(0);
    await expect(page.locator('.turn:visible')).toHaveCount(TURN_COUNT);
    await context.close();
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the aids' controls and marks have no axe violations (${colorScheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${READER}?speaker=Josh#turn-13`);
    await turn(page, 15)
      .getByRole('link', { name: 'Turn 15', exact: true })
      .click({
        modifiers: ['Shift'],
      });
    await english(page, 13).locator('p').first().hover();
    await expect(chinese(page, 13).locator('p[data-partner]')).toHaveCount(1);
    // What the aids add and mark, not the rest of the page, which the accessibility spec checks.
    const aids = ['.speaker-list', '.speaker-note', '.range-bar', '#turn-13', '#turn-15'];
    const marked = await new AxeBuilder({ page }).include(aids).analyze();
    expect(marked.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    const dialog = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(dialog.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await context.close();
  });
}
