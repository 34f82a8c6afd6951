/**
 * A timed turn's start where a reader finds the turn: its search result, on
 * its reader page (with a recording too) and on `/`, in the page's language, and its share page;
 * an untimed turn's result shows none.
 */
import { expect, test, type Page } from '@playwright/test';
import { fill, timeStrings } from '../../src/lib/strings.ts';
import { formatTime } from '../../src/lib/transcript/times.ts';
import { seed, transcript, turnsWith } from '../support/corpus.ts';
import { searchField, typeQuery } from '../support/search-driver.ts';
import { at, languageControl } from './pages.ts';

const timed = transcript('timed-talk');
/** Turn 4: its English alone holds "arrow", at 0:31. */
const arrow = timed.transcript.turns[3]!;
const at031 = fill(timeStrings.at, { time: formatTime(arrow.start!) });

async function search(page: Page, query: string) {
  await typeQuery(page, searchField(page), query);
  await expect(page.locator('[data-search-status]')).toHaveAttribute('data-state', 'results');
}

for (const [where, path] of [
  ['its reader page', timed.href],
  ['/', '/'],
] as const) {
  test(`a timed turn's search result shows its start, on ${where}`, async ({ page }) => {
    await page.goto(path);
    await search(page, 'arrow');
    const hit = page.locator('a.search-result').first();
    await expect(hit).toHaveAttribute('href', new RegExp(`${timed.slug}/.*#turn-${arrow.number}$`));
    await expect(hit.locator('.search-result-time')).toHaveText(`${at031.en} ${at031.zh}`);

    await languageControl(page).getByRole('button', { name: '中文', exact: true }).click();
    await searchField(page).focus();
    await expect(hit.locator('.search-result-time')).toHaveText(at031.zh, { useInnerText: true });
  });
}

test('on a reader with its recording, a timed turn’s search result shows its start, which its time link holds', async ({
  page,
}) => {
  const talk = transcript('recorded-talk');
  const [paused] = turnsWith('pause', { slug: talk.slug });
  const time = fill(timeStrings.at, { time: formatTime(paused!.turn.start!) });
  await page.goto(talk.href);
  await search(page, 'pause');
  const hit = page.locator('a.search-result').first();
  await expect(hit).toHaveAttribute('href', new RegExp(`#turn-${paused!.turn.number}$`));
  await expect(hit.locator('.search-result-time')).toHaveText(`${time.en} ${time.zh}`);
});

test('an untimed turn’s search result shows no time', async ({ page }) => {
  await page.goto(seed.href);
  await search(page, 'Base64');
  await expect(page.locator('a.search-result').first()).toBeVisible();
  await expect(page.locator('.search-result-time')).toHaveCount(0);
});

test('a timed turn’s share page gives its start in the preview and the link', async ({
  request,
  baseURL,
}) => {
  const html = await (await request.get(at(baseURL, `${timed.href}turn-${arrow.number}/`))).text();
  expect(html).toMatch(/<meta property="og:description" content="0:31 · 符号。/);
  expect(html).toContain(
    `>${fill(timeStrings.readAt, { number: arrow.number, time: '0:31' }).en} <span lang="zh-Hans">`,
  );
});
