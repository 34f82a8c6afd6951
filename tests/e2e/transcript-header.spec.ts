/**
 * The reader page's header: the link home near the title, and the front
 * matter's fields.
 */
import { expect, test } from '@playwright/test';
import { corpus } from '../support/corpus.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { at, READER } from './pages.ts';

test(
  'the link back home near the title leads to the list',
  { tag: '@published' },
  async ({ page, baseURL }) => {
    await page.goto(at(baseURL, READER));
    await page.locator('.transcript-header').getByRole('link', { name: 'All transcripts' }).click();
    await expect(page).toHaveURL(at(baseURL, '/'));
  },
);

test('each reader page shows its front matter’s description, date, event and source, or none', async ({
  page,
}) => {
  // The corpus has transcripts with every field and one with none of date, event and source.
  const { date, event, source, description } = corpus[0]!.transcript;
  expect([date, event, source, description].every(Boolean)).toBe(true);
  expect(corpus.some(({ transcript: t }) => !t.date && !t.event && !t.source)).toBe(true);

  for (const { href, transcript } of corpus) {
    await page.goto(href);
    const header = page.locator('.transcript-header');
    await expect(header.getByRole('heading', { level: 1 })).toHaveText(
      bothLanguages(transcript.title),
    );
    const lead = header.locator('.lead');
    if (transcript.description) {
      await expect(lead).toHaveText(bothLanguages(transcript.description));
    } else await expect(lead).toHaveCount(0);
    const time = header.locator('time');
    if (transcript.date) await expect(time).toHaveAttribute('datetime', transcript.date);
    else await expect(time).toHaveCount(0);
    // Event and source are not on the home page.
    const meta = header.locator('.meta');
    if (transcript.event) await expect(meta).toContainText(bothLanguages(transcript.event));
    const link = header.getByRole('link', { name: 'Source' });
    if (transcript.source) await expect(link).toHaveAttribute('href', transcript.source);
    else await expect(link).toHaveCount(0);
  }
});
