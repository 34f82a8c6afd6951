import { expect, test } from '@playwright/test';
import { corpus } from '../support/corpus.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { at, READER } from './pages.ts';

test(
  'the home page lists every transcript, newest first and the undated last, each with its date, speakers and turn count',
  { tag: '@published' },
  async ({ page, baseURL }) => {
    // The corpus has dated transcripts and an undated one, so the order has work to do.
    expect(corpus.at(0)?.transcript.date).toBeDefined();
    expect(corpus.at(-1)?.transcript.date).toBeUndefined();

    await page.goto(at(baseURL, '/'));
    const cards = page.locator('.transcript-card');
    await expect(cards.getByRole('heading', { level: 2 })).toHaveText(
      corpus.map((entry) => bothLanguages(entry.transcript.title)),
    );
    for (const [index, { href, transcript }] of corpus.entries()) {
      const card = cards.nth(index);
      await expect(
        card.getByRole('link', { name: bothLanguages(transcript.title) }),
      ).toHaveAttribute('href', at(baseURL, href));
      await expect(card).toContainText(`${transcript.turns.length} turns`);
      const speakers = [...new Set(transcript.turns.map((turn) => turn.speaker))].map((key) =>
        bothLanguages(transcript.speakers[key]!.name),
      );
      await expect(card.locator('.speaker-names')).toContainText(speakers.join(', '));
      const time = card.locator('time');
      if (transcript.date) await expect(time).toHaveAttribute('datetime', transcript.date);
      else await expect(time).toHaveCount(0);
    }
  },
);

test(
  'the home page lists each transcript with its title, speakers and turn count',
  { tag: '@published' },
  async ({ page, baseURL }) => {
    await page.goto(at(baseURL, '/'));
    const card = page.getByRole('listitem').filter({ hasText: 'What is alignment?' });
    await expect(
      card.getByRole('link', { name: 'What is alignment? A research panel' }),
    ).toHaveAttribute('href', at(baseURL, READER));
    await expect(card).toContainText('46 turns');
    await expect(card).toContainText('Moderator, Amanda Askell, Yan, Josh, Audience');

    await card.getByRole('link').click();
    await expect(page).toHaveURL(at(baseURL, READER));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'What is alignment? A research panel',
    );
  },
);

test(
  'an unknown address says so and leads home',
  { tag: '@published' },
  async ({ page, baseURL }) => {
    const response = await page.goto(at(baseURL, '/no-such-transcript/'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found 找不到页面');
    await page.getByRole('link', { name: 'All transcripts' }).click();
    await expect(page).toHaveURL(at(baseURL, '/'));
  },
);
