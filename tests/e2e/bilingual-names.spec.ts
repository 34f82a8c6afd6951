/**
 * A transcript whose front matter and speakers are written in both
 * languages, as a press conference's Chinese and English records name
 * them (the corpus's press-conference.md): each shown in the page's
 * language mode, and each speaker found by either name, in the address
 * and in the search.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { LanguageMode } from '../../src/client/language-mode.ts';
import { bothLanguages, inMode, type Localized } from '../../src/lib/localized.ts';
import { searchStrings } from '../../src/lib/strings.ts';
import { TITLE_LENGTH } from '../../src/lib/titles.ts';
import { describeSpeaker } from '../../src/lib/transcript/speakers.ts';
import { place, transcript } from '../support/corpus.ts';
import { escapeRegExp } from '../support/regexp.ts';
import { landingTurn, searchField, typeQuery } from '../support/search-driver.ts';
import { at, turn } from './pages.ts';

const press = transcript('press-conference');
const { title, description, event, speakers, turns } = press.transcript;
const spokesperson = speakers['Mao Ning']!;
const modes: readonly LanguageMode[] = ['zh', 'en', 'both'];

/** What a reader sees of an element: the text of the spans the mode shows. */
const shows = (locator: Locator, text: Localized, mode: LanguageMode) =>
  expect(locator).toHaveText(inMode(text, mode), { useInnerText: true });

/** The numbers of the turns whose speaker is `key`, as the corpus says. */
const turnsOf = (key: string) =>
  turns.filter((turn) => turn.speaker === key).map((turn) => turn.number);

test('the fixture names its speakers in each language, labels its blocks both ways, and is listed among others', () => {
  // Each field differs between the languages, so a page showing the wrong one fails.
  for (const field of [title, description!, event!, spokesperson.name, spokesperson.role!]) {
    expect(field.en).not.toBe(field.zh);
  }
  const labels = press.source.match(/^\*\*[^*]+:\*\*/gm)!;
  expect(labels).toEqual(expect.arrayContaining(['**毛宁:**', '**Mao Ning:**', '**CCTV:**']));
  expect(labels).toContain('**总台央视记者:**');
  expect(turnsOf('Mao Ning').length).toBeGreaterThan(1);
});

for (const mode of modes) {
  test(`the reader shows the front matter and the speakers’ names in ${mode} mode`, async ({
    page,
  }) => {
    await page.goto(`${press.href}?lang=${mode}`);
    const header = page.locator('.transcript-header');
    await shows(header.getByRole('heading', { level: 1 }), title, mode);
    await shows(header.locator('.lead'), description!, mode);
    await expect(header.locator('.meta')).toContainText(inMode(event!, mode), {
      useInnerText: true,
    });
    const list = header.locator('.speaker-list > li');
    await expect(list).toHaveCount(Object.keys(speakers).length);
    for (const [index, key] of ['Mao Ning', 'CCTV', 'Reuters'].entries()) {
      await shows(list.nth(index).locator('.speaker-name'), speakers[key]!.name, mode);
    }
    await shows(list.first().locator('.role'), describeSpeaker(spokesperson)!, mode);
    for (const { number, speaker } of turns) {
      const heading = turn(page, number).getByRole('heading', { level: 2 });
      await shows(heading, speakers[speaker]!.name, mode);
    }
    // A screen reader hears the name the mode shows.
    if (mode !== 'both') {
      const name = spokesperson.name[mode];
      await expect(
        turn(page, turnsOf('Mao Ning')[0]!).getByRole('heading', { name }),
      ).toBeVisible();
    }
  });

  test(`the home page shows the transcript’s title, description and speakers in ${mode} mode`, async ({
    page,
  }) => {
    await page.goto(`/?lang=${mode}`);
    const card = page.locator('.transcript-card').filter({
      has: page.locator(`a[href="${press.href}"]`),
    });
    await shows(card.getByRole('heading', { level: 2 }), title, mode);
    await shows(card.locator('.description'), description!, mode);
    const names = ['Mao Ning', 'CCTV', 'Reuters'].map((key) => inMode(speakers[key]!.name, mode));
    await expect(card.locator('.speaker-names')).toContainText(names.join(', '), {
      useInnerText: true,
    });
  });
}

test('?speaker= takes a speaker’s key or their name in either language', async ({ page }) => {
  for (const [wanted, key] of [
    ['毛宁', 'Mao Ning'],
    ['Mao Ning', 'Mao Ning'],
    ['总台央视记者', 'CCTV'],
    ['CCTV', 'CCTV'],
  ] as const) {
    await page.goto(`${press.href}?speaker=${encodeURIComponent(wanted)}`);
    const visible = page.locator('.turn:visible');
    await expect(visible).toHaveCount(turnsOf(key).length);
    expect(await visible.evaluateAll((shown) => shown.map((element) => element.id))).toEqual(
      turnsOf(key).map((number) => `turn-${number}`),
    );
    // The list of speakers marks the speaker shown, whichever name the address gave.
    await expect(page.locator('.speaker-list [aria-current="true"]')).toHaveText(
      inMode(speakers[key]!.name, 'both'),
    );
  }
});

test('a long title in both languages is cut in <title>, within 70 characters, and whole in og:title', async ({
  page,
  request,
}) => {
  const whole = bothLanguages(title);
  expect(whole.length).toBeGreaterThan(TITLE_LENGTH);
  await page.goto(press.href);
  expect((await page.title()).length).toBeLessThanOrEqual(TITLE_LENGTH);
  expect(await page.title()).toMatch(new RegExp(`^${escapeRegExp(title.en.slice(0, 20))}.*… · `));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', whole);

  // A turn's share page, as a link preview reads it.
  const [first] = turns;
  const html = await (await request.get(`${press.href}turn-${first!.number}/`)).text();
  const shareTitle = /<title>(.*?)<\/title>/.exec(html)![1]!;
  expect(shareTitle.length).toBeLessThanOrEqual(TITLE_LENGTH);
  const ogTitle = /<meta property="og:title" content="([^"]*)">/.exec(html)![1]!;
  expect(ogTitle).toContain(whole);
  expect(ogTitle).toContain(bothLanguages(spokesperson.name));
});

/** The turns the search shows, as `<slug>#turn-N`, sorted. */
async function results(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a.search-result')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map(landingTurn).sort();
}

async function searchFor(page: Page, query: string) {
  await searchField(page).click();
  await typeQuery(page, searchField(page), query);
  await expect(page.locator('[data-search-status]')).toHaveAttribute('data-state', 'results');
}

// A query both the spokesperson and the CCTV reporter answer, so a filter has work to do.
const QUERY = '会议';
const answering = turns.filter((turn) => turn.zh.text.includes(QUERY));

test('the reader’s search filter offers each speaker by the name the mode shows and finds their turns', async ({
  page,
}) => {
  expect(new Set(answering.map((turn) => turn.speaker))).toEqual(new Set(['Mao Ning', 'CCTV']));
  for (const mode of ['zh', 'en'] as const) {
    await page.goto(`${press.href}?lang=${mode}`);
    await searchFor(page, QUERY);
    const filter = page.getByRole('combobox', { name: searchStrings.speaker[mode] });
    await filter.selectOption({ label: spokesperson.name[mode] });
    await expect
      .poll(() => results(page))
      .toEqual(answering.filter((t) => t.speaker === 'Mao Ning').map((t) => place(press.slug, t)));
    await expect(page.locator('.search-result-speaker').first()).toHaveText(
      spokesperson.name[mode],
      { useInnerText: true },
    );
  }
});

test('the site search on `/` finds a speaker by either name', async ({ page, baseURL }) => {
  for (const mode of ['zh', 'en'] as const) {
    await page.goto(`${at(baseURL, '/')}?lang=${mode}`);
    await searchFor(page, QUERY);
    const filter = page.getByRole('combobox', { name: searchStrings.speaker[mode] });
    await filter.selectOption({ label: speakers['CCTV']!.name[mode] });
    await expect
      .poll(() => results(page))
      .toEqual(answering.filter((t) => t.speaker === 'CCTV').map((t) => place(press.slug, t)));
    await expect(page.locator('.search-result-speaker').first()).toHaveText(
      speakers['CCTV']!.name[mode],
      { useInnerText: true },
    );
    await expect(page.locator('.search-result-title').first()).toHaveText(title[mode], {
      useInnerText: true,
    });
  }
});
