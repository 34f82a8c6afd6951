/**
 * Searching as a reader does: from the keyboard or the mouse, in Chinese
 * or English, with filters, and landing on the turn that was found.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SEARCH_BUNDLE } from '../../src/lib/search/bundle.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { SHOWN } from '../../src/lib/search/rank.ts';
import { fill, searchStrings, strings } from '../../src/lib/strings.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { corpus, long, place, seed, transcript, turnsWith } from '../support/corpus.ts';
import { escapeRegExp } from '../support/regexp.ts';
import { landingTurn, searchField as field, typeQuery } from '../support/search-driver.ts';
import { at, chinese, english, languageControl, READER, TEXT, turn } from './pages.ts';

const results = (page: Page) => page.locator('a.search-result');
const status = (page: Page) => page.locator('[data-search-status]');
/** The page's live region, which screen readers hear. */
const announcer = (page: Page) => page.getByRole('status');
const speakerFilter = (page: Page) => page.getByRole('combobox', { name: /Speaker/ });

/** The results shown, each as the turn it lands on (`<slug>#turn-N`) and the transcript it names. */
async function shown(page: Page): Promise<{ place: string; names?: string }[]> {
  const links = await results(page).evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      href: anchor.getAttribute('href') ?? '',
      names: anchor.querySelector('.search-result-title')?.textContent ?? undefined,
    })),
  );
  return links.map(({ href, names }) => ({ place: landingTurn(href), ...(names && { names }) }));
}

/** The turns shown, in no particular order. */
const places = async (page: Page) => (await shown(page)).map((result) => result.place).sort();
const slugOf = (place: string) => place.split('#')[0]!;

/** Types a query and waits for its own results, not those of the query before. */
async function search(page: Page, query: string) {
  await typeQuery(page, field(page), query);
  await expect(status(page)).toHaveAttribute('data-state', /results|empty/);
}

test('the first view fetches no search code; focusing the field fetches it', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const index = `/${SEARCH_BUNDLE}/`;
  await page.goto(READER);
  await page.waitForLoadState('networkidle');
  const code = fetched.length;
  expect(fetched.filter((path) => path.startsWith(index) || /\/ui\.|landing/.test(path))).toEqual(
    [],
  );

  // A reader page searches its own turns: focusing fetches the search's code, and no index.
  await page.keyboard.press('/');
  await expect(field(page)).toBeFocused();
  await expect
    .poll(() => fetched.slice(code).some((path) => /\/ui\.[\w-]+\.js$/.test(path)))
    .toBe(true);
  await search(page, 'Base64');
  expect(fetched.filter((path) => path.startsWith(index))).toEqual([]);

  // `/` searches the site index, whose first file comes on focus.
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => path.startsWith(index))).toEqual([]);
  await page.keyboard.press('/');
  await expect.poll(() => fetched.some((path) => path.startsWith(index))).toBe(true);
});

test('Ctrl+K focuses the search from anywhere, / does not while typing in it', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await expect(field(page)).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(field(page)).toHaveValue('a/b');
});

test(
  'a Chinese phrase, from the keyboard alone, lands on its turn with the words marked',
  { tag: '@published' },
  async ({ page, baseURL }) => {
    await page.goto(`${at(baseURL, READER)}?lang=en`);
    await page.keyboard.press('/');
    await page.keyboard.type('稀疏自编码器');
    await expect(status(page)).toHaveAttribute('data-state', 'results');

    const first = results(page).first();
    await expect(first).toHaveAttribute(
      'href',
      new RegExp(`^${escapeRegExp(at(baseURL, READER))}\\?.*#turn-13$`),
    );
    await expect(first).toContainText('Josh');
    await expect(first.locator('mark').first()).toHaveText('稀疏自编码器');
    await expect(first.locator('.search-result-excerpt[lang="zh-Hans"]')).toBeVisible();
    await expect(first).toContainText('中文');

    await page.keyboard.press('ArrowDown');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');

    // The page shows English; the turn found in Chinese shows its Chinese.
    // Landing keeps the page's own address (here its ?lang=en) and drops the search's.
    await expect(page).toHaveURL(
      new RegExp(`${escapeRegExp(at(baseURL, READER))}\\?lang=en#turn-13$`),
    );
    expect(await turn(page, 13).evaluate((element) => element.matches(':target'))).toBe(true);
    await expect(chinese(page, 13)).toBeVisible();
    await expect(english(page, 13)).toBeHidden();
    await expect(chinese(page, 13).locator('mark')).toHaveText(['稀疏自编码器']);
    await expect(turn(page, 13)).toBeInViewport();

    // Escape takes the highlight away; the text is as it was.
    const before = await chinese(page, 13).textContent();
    await page.keyboard.press('Escape');
    await expect(chinese(page, 13).locator('mark')).toHaveCount(0);
    expect(await chinese(page, 13).textContent()).toBe(before);
  },
);

test('an English phrase, with the mouse, on the same page in Chinese mode', async ({ page }) => {
  await page.goto(`${READER}?lang=zh`);
  await field(page).click();
  await search(page, 'bell curve');
  const first = results(page).first();
  await expect(first).toHaveAttribute('href', /#turn-13$/);
  await expect(first.locator('mark')).toHaveText(['bell', 'curve']);
  await expect(first).toContainText('EN');

  await first.click();
  await expect(page).toHaveURL(/\/alignment-panel\/(\?lang=zh)?#turn-13$/);
  await expect(english(page, 13)).toBeVisible();
  await expect(chinese(page, 13)).toBeHidden();
  await expect(english(page, 13).locator('mark')).toHaveText(['bell', 'curve']);
  await expect(page.locator('[data-search-panel]')).toBeHidden();

  // The next search takes the highlight away.
  await field(page).click();
  await search(page, 'Base64');
  await expect(english(page, 13).locator('mark')).toHaveCount(0);
});

test('inflections and mixed queries find their turns', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'sabotaging the process');
  await expect(results(page).first()).toHaveAttribute('href', /#turn-12$/);
  await expect(results(page).first().locator('mark')).toContainText(['sabotage', 'process']);
  await search(page, 'SAE 稀疏');
  await expect(results(page).first()).toHaveAttribute('href', /#turn-13$/);
  // Half a word, as it is while being typed, finds the words it begins.
  await search(page, 'corrigib');
  await expect(results(page).first()).toHaveAttribute('href', /#turn-35$/);
  await expect(results(page).first().locator('mark').first()).toHaveText(/^corrigib/i);
});

test('on the home page, results name their transcript and open its reader at the turn', async ({
  page,
}) => {
  await page.goto('/');
  await field(page).click();
  await search(page, '哲学王');
  const first = results(page).first();
  await expect(first).toContainText('What is alignment?');
  await first.click();
  await expect(page).toHaveURL(/\/alignment-panel\/#turn-\d+$/);
  await expect(page.locator(`.turn:target ${TEXT.any} mark`).first()).toHaveText('哲学王');
});

test('filters narrow the results by language and by speaker', async ({ page }) => {
  const badges = () => page.locator('.search-result-language').allTextContents();
  await page.goto(READER);
  await field(page).click();
  await search(page, 'alignment');
  const language = page.getByRole('combobox', { name: /Found in/ });
  await language.selectOption('zh');
  await expect.poll(async () => new Set(await badges())).toEqual(new Set(['中文']));
  await language.selectOption('en');
  await expect.poll(async () => new Set(await badges())).toEqual(new Set(['EN']));

  await page.getByRole('combobox', { name: /Speaker/ }).selectOption('Josh');
  await expect
    .poll(async () => new Set(await page.locator('.search-result-speaker').allTextContents()))
    .toEqual(new Set(['Josh']));
});

test('a query that finds nothing says so and suggests what to try', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, '足球比赛');
  await expect(status(page)).toHaveAttribute('data-state', 'empty');
  await expect(status(page)).toContainText('No turn matches “足球比赛”');
  await expect(status(page)).toContainText('other language');
  await expect(results(page)).toHaveCount(0);
});

test('the arrow keys walk the results and Escape closes them', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'model');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(field(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-search-panel]')).toBeHidden();
  await expect(field(page)).toBeFocused();
});

test('a searching state shows while the index loads', async ({ page }) => {
  await page.route(`**/${SEARCH_BUNDLE}/**`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.goto('/');
  await field(page).click();
  await field(page).fill('对齐');
  await expect(status(page)).toHaveAttribute('data-state', 'searching');
  await expect(status(page)).toContainText('Searching');
  await expect(status(page)).toHaveAttribute('data-state', 'results');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing with the results open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/', READER]) {
      await page.goto(path);
      await field(page).click();
      await search(page, '对齐 alignment');
      await search(page, '对齐');
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    }
  });
}

test('on a phone the field opens across the header and the results take the width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(READER);
  // At rest it is folded into its button (tests/e2e/phone.spec.ts).
  await page
    .getByRole('search')
    .getByRole('button', { name: /Search/ })
    .click();
  await search(page, '对齐');
  const box = await page.locator('[data-search-panel]').boundingBox();
  expect(box?.width).toBeGreaterThan(330);
  const input = await field(page).boundingBox();
  expect(input?.width).toBeGreaterThan(300);
});

test('Enter straight after typing opens the first result of what was typed', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'bell');
  await field(page).press('End');
  await page.keyboard.type(' curve');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#turn-13$/);
  await expect(english(page, 13).locator('mark')).toHaveText(['bell', 'curve']);
});

test('the arrow keys still change a filter', async ({ page }) => {
  await page.goto(READER);
  await field(page).click();
  await search(page, 'alignment');
  const filter = page.getByRole('combobox', { name: /Found in/ });
  await expect(filter).toHaveValue('');
  await filter.focus();
  await page.keyboard.press('ArrowDown');
  await expect(filter).toBeFocused();
  // The key chose the next language, 中文, and the results follow it.
  await expect(filter).toHaveValue('zh');
  await expect
    .poll(async () => new Set(await page.locator('.search-result-language').allTextContents()))
    .toEqual(new Set(['中文']));
});

test('going back from a landing takes its highlight away', async ({ page }) => {
  await page.goto(`${READER}#turn-1`);
  await field(page).click();
  await search(page, 'bell curve');
  await results(page).first().click();
  await expect(english(page, 13).locator('mark')).toHaveCount(2);
  await page.goBack();
  await expect(page).toHaveURL(/#turn-1$/);
  await expect(page.locator('main mark')).toHaveCount(0);
});

test('a landing address for a turn that is not there leaves the page as it is', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${READER}?in=zh&mark=%E5%AF%B9%E9%BD%90#turn-999`);
  await expect(page).toHaveURL(/\/alignment-panel\/#turn-999$/);
  await expect(page.locator('main mark')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a result’s address opened afresh shows the turn in the language it was found in', async ({
  page,
}) => {
  await page.goto(`${READER}?lang=zh&in=en&mark=bell&mark=curve#turn-13`);
  await expect(english(page, 13)).toBeVisible();
  await expect(chinese(page, 13)).toBeHidden();
  await expect(english(page, 13).locator('mark')).toHaveText(['bell', 'curve']);
  await expect(page).toHaveURL(/\/alignment-panel\/\?lang=zh#turn-13$/);
});

/** A landing's highlights in a block: the words found, or their counterparts in the other language. */
const highlights = (block: Locator, kind: 'found' | 'counterpart') =>
  block.locator(`mark[data-search-highlight="${kind}"]`);

/** What the eye tells a highlight by: its fill and its edge. */
const looks = (mark: Locator) =>
  mark.evaluate((element) => {
    const style = getComputedStyle(element);
    return { fill: style.backgroundColor, edge: style.outlineStyle };
  });

/** A reading aid's toggle, whatever language the page's mode names it in. */
const readingAid = (page: Page, aid: 'pinyin' | 'traditional') =>
  page.locator(`reading-aids button[data-aid="${aid}"]`);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a landing from 可解释性 marks “interpretability” in the English beside it, more quietly (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${READER}?lang=both`);
    await field(page).click();
    await search(page, '可解释性');
    await page.locator('a.search-result[href$="#turn-13"]').click();
    // Found by its pairs, the phrase is marked whole (and 解释 alone where it stands apart).
    await expect(highlights(chinese(page, 13), 'found').first()).toHaveText('可解释性');
    const partner = highlights(english(page, 13), 'counterpart');
    await expect(partner).toHaveText(['interpretability']);
    await expect(partner).toBeVisible();
    await expect(english(page, 13).locator('mark')).toHaveCount(1);
    // Both are marks; the one found has the full fill, its counterpart a paler one in a dashed edge.
    const found = await looks(highlights(chinese(page, 13), 'found').first());
    const quieter = await looks(partner);
    expect(found.edge).toBe('none');
    expect(quieter.edge).toBe('dashed');
    expect(quieter.fill).not.toBe(found.fill);
    expect(quieter.fill).not.toBe('rgba(0, 0, 0, 0)');
    const axe = await new AxeBuilder({ page }).include('#turn-13').analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    // Escape takes both away.
    await page.keyboard.press('Escape');
    await expect(turn(page, 13).locator('mark')).toHaveCount(0);
  });
}

test('a landing from an English glossed term marks its Chinese, in 中文 mode with pinyin on', async ({
  page,
}) => {
  await page.goto(`${READER}?lang=zh`);
  await readingAid(page, 'pinyin').click();
  await expect(chinese(page, 13).locator('ruby').first()).toBeAttached();
  await field(page).click();
  await search(page, 'interpretability');
  await page.locator('a.search-result[href$="#turn-13"]').click();

  // The turn shows the English it was found in; its Chinese, hidden, holds the counterpart.
  await expect(highlights(english(page, 13), 'found')).toHaveText(['interpretability']);
  await expect(chinese(page, 13)).toBeHidden();
  // Under pinyin each character is a ruby of its own, so the counterpart is marked character by character.
  const partner = highlights(chinese(page, 13), 'counterpart');
  await expect.poll(async () => (await partner.allTextContents()).join('')).toBe('可解释性');
  await languageControl(page).getByRole('button', { name: /Both/ }).click();
  await expect(partner.first()).toBeVisible();
  await expect(partner.locator('xpath=ancestor::ruby')).toHaveCount(4);
});

test('a landing from the site search marks the counterparts too, with Traditional characters on', async ({
  page,
}) => {
  await page.goto(`${READER}?lang=both`);
  await readingAid(page, 'traditional').click();
  await expect(page.locator(`.turn-text > [lang="zh-Hant"]`).first()).toBeAttached();
  await page.goto('/');
  await field(page).click();
  await search(page, '稀疏自编码器');
  await page.locator(`a.search-result[href*="${READER}"][href$="#turn-13"]`).click();
  await expect(page).toHaveURL(/#turn-13$/);
  const block = turn(page, 13).locator('.turn-text > [lang="zh-Hant"]');
  await expect(highlights(block, 'found')).toHaveText(['稀疏自編碼器']);
  await expect(highlights(english(page, 13), 'counterpart')).toHaveText(['saes']);
});

test('a landing marks no counterpart where the turn’s other language lacks it', async ({
  page,
}) => {
  // Turn 20 glosses 可解释性审计 as “interpretability audits”, but its English says “interminability audits”.
  const lacking = seed.transcript.turns[19]!;
  expect(lacking.zh.text).toContain('可解释性');
  expect(lacking.en.text).not.toMatch(/interpretab/i);
  await page.goto(`${READER}?lang=both&in=zh&mark=${encodeURIComponent('可解释性')}#turn-20`);
  await expect(highlights(chinese(page, 20), 'found')).toHaveText(['可解释性']);
  await expect(english(page, 20)).toBeVisible();
  await expect(english(page, 20).locator('mark')).toHaveCount(0);
});

test('a query that matches more than ten turns shows ten and says there are more', async ({
  page,
}) => {
  const matching = turnsWith('percent', { slug: long.slug }).map(({ turn }) =>
    place(long.slug, turn),
  );
  expect(matching.length).toBeGreaterThan(SHOWN);

  await page.goto(long.href);
  await field(page).click();
  await search(page, 'percent');
  // Shown in both languages, as Both shows the interface; said in the page's, English.
  const more = fill(searchStrings.moreResults, { count: SHOWN });
  await expect(status(page)).toHaveText(bothLanguages(more));
  await expect(announcer(page)).toHaveText(more.en);
  await expect(results(page)).toHaveCount(SHOWN);
  expect(matching).toEqual(expect.arrayContaining(await places(page)));
});

test(
  'on the home page, one query finds turns of several transcripts, each result naming its transcript',
  { tag: '@published' },
  async ({ page, baseURL }) => {
    const matching = turnsWith('physics');
    expect(new Set(matching.map(({ entry }) => entry.slug)).size).toBeGreaterThan(1);
    expect(matching.length).toBeLessThanOrEqual(SHOWN);

    await page.goto(at(baseURL, '/'));
    await field(page).click();
    await search(page, 'physics');
    await expect
      .poll(() => places(page))
      .toEqual(matching.map(({ entry, turn }) => place(entry.slug, turn)).sort());
    for (const result of await shown(page)) {
      expect(result.names).toBe(bothLanguages(transcript(slugOf(result.place)).transcript.title));
    }
  },
);

test('on a reader page, the search finds its own turns until widened, then its own first and the others naming their transcript', async ({
  page,
}) => {
  const matching = turnsWith('Base64');
  const own = matching.filter(({ entry }) => entry.slug === seed.slug);
  expect(own.length).toBeGreaterThan(0);
  expect(new Set(matching.map(({ entry }) => entry.slug)).size).toBeGreaterThan(1);
  expect(matching.length).toBeLessThanOrEqual(SHOWN);

  await page.goto(READER);
  await field(page).click();
  await search(page, 'Base64');
  await expect
    .poll(() => places(page))
    .toEqual(own.map(({ entry, turn }) => place(entry.slug, turn)).sort());

  // One press widens it; the toggle says it is on, and the results follow.
  const wide = page.getByRole('button', { name: bothLanguages(strings.allTranscripts) });
  await expect(wide).toHaveAttribute('aria-pressed', 'false');
  await wide.press('Enter');
  await expect(wide).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => places(page))
    .toEqual(matching.map(({ entry, turn }) => place(entry.slug, turn)).sort());
  const results = await shown(page);
  expect(results.map((result) => slugOf(result.place) === seed.slug)).toEqual(
    results.map((_, index) => index < own.length),
  );
  for (const result of results) {
    const slug = slugOf(result.place);
    expect(result.names, result.place).toBe(
      slug === seed.slug ? undefined : bothLanguages(transcript(slug).transcript.title),
    );
  }

  // Pressed again, it searches this transcript alone.
  await wide.click();
  await expect(wide).toHaveAttribute('aria-pressed', 'false');
  await expect
    .poll(() => places(page))
    .toEqual(own.map(({ entry, turn }) => place(entry.slug, turn)).sort());
});

test('a query this transcript does not answer suggests searching all transcripts; `/` has no such toggle', async ({
  page,
}) => {
  const elsewhere = turnsWith('dictionary');
  expect(elsewhere.some(({ entry }) => entry.slug === seed.slug)).toBe(false);
  expect(elsewhere.length).toBeGreaterThan(0);
  await page.goto(READER);
  await field(page).click();
  await search(page, 'dictionary');
  await expect(status(page)).toHaveAttribute('data-state', 'empty');
  await expect(status(page)).toContainText('All transcripts');
  await page.getByRole('button', { name: bothLanguages(strings.allTranscripts) }).click();
  await expect(status(page)).toHaveAttribute('data-state', 'results');
  await expect
    .poll(() => places(page))
    .toEqual(elsewhere.map(({ entry, turn }) => place(entry.slug, turn)).sort());

  await page.goto('/');
  await field(page).click();
  await search(page, 'dictionary');
  await expect(
    page.getByRole('button', { name: bothLanguages(strings.allTranscripts) }),
  ).toHaveCount(0);
});

/** The speaker filter's options as a reader sees them: "Anyone" is its option's label, the names their text. */
const optionNames = (page: Page) =>
  speakerFilter(page)
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).label));
const speakersOf = (t: Transcript) => [...new Set(t.turns.map((turn) => turn.speaker))];
const speakingIn = (speaker: string) =>
  corpus.filter(({ transcript: t }) => speakersOf(t).includes(speaker));
/** The seed's speakers who speak in another transcript too. */
const sharedSpeakers = speakersOf(seed.transcript).filter(
  (speaker) => speakingIn(speaker).length > 1,
);

test('on a reader page, the speaker filter lists its speakers and finds only its turns', async ({
  page,
}) => {
  const speaker = sharedSpeakers[0]!;
  const theirs = turnsWith('Base64', { speaker });
  // The shared speaker says the word in this transcript and in another.
  const slugs = new Set(theirs.map(({ entry }) => entry.slug));
  expect(slugs.has(seed.slug)).toBe(true);
  expect(slugs.size).toBeGreaterThan(1);

  await page.goto(READER);
  await field(page).click();
  await search(page, 'Base64');
  await expect
    .poll(() => optionNames(page))
    .toEqual([bothLanguages(searchStrings.anySpeaker), ...speakersOf(seed.transcript)]);
  await speakerFilter(page).selectOption(speaker);
  await expect
    .poll(() => places(page))
    .toEqual(
      theirs
        .filter(({ entry }) => entry.slug === seed.slug)
        .map(({ turn }) => place(seed.slug, turn))
        .sort(),
    );
});

test('on the home page, the speaker filter lists everyone once and finds their turns everywhere', async ({
  page,
}) => {
  const speaker = sharedSpeakers[0]!;
  // The same label and the same person: described alike wherever they speak.
  const described = speakingIn(speaker).map(({ transcript: t }) => t.speakers[speaker]);
  expect(described.length).toBeGreaterThan(1);
  expect(described[0]).toBeDefined();
  for (const info of described) expect(info).toEqual(described[0]);
  // Each named in both languages, as the page's default mode, Both, shows them.
  const everyone = new Set(
    corpus.flatMap(({ transcript: t }) =>
      speakersOf(t).map((key) => bothLanguages(t.speakers[key]!.name)),
    ),
  );

  await page.goto('/');
  await field(page).click();
  await search(page, 'Base64');
  const options = await optionNames(page);
  expect(options[0]).toBe(bothLanguages(searchStrings.anySpeaker));
  expect(options.slice(1).sort()).toEqual([...everyone].sort());
  expect(options.filter((option) => option === speaker)).toHaveLength(1);
  await speakerFilter(page).selectOption(speaker);
  const theirs = turnsWith('Base64', { speaker });
  expect(new Set(theirs.map(({ entry }) => entry.slug)).size).toBeGreaterThan(1);
  await expect
    .poll(() => places(page))
    .toEqual(theirs.map(({ entry, turn }) => place(entry.slug, turn)).sort());
});

test('when the search cannot load, it says so, and the next keystroke tries again', async ({
  page,
}) => {
  const index = `**/${SEARCH_BUNDLE}/**`;
  await page.route(index, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await field(page).click();
  await field(page).fill('alignmen');
  await expect(status(page)).toHaveAttribute('data-state', 'error');
  const unavailable = searchStrings.unavailable;
  await expect(status(page)).toHaveText(bothLanguages(unavailable));
  await expect(announcer(page)).toHaveText(unavailable.en);
  await expect(results(page)).toHaveCount(0);

  await page.unroute(index);
  await page.keyboard.type('t');
  await expect(status(page)).toHaveAttribute('data-state', 'results');
  await expect(results(page).first()).toHaveAttribute('href', /#turn-\d+$/);
  await expect(announcer(page)).not.toHaveText(unavailable.en);
});
