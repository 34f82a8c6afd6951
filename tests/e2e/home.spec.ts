import { expect, test } from '@playwright/test';
import { READER } from './pages.ts';

test('the home page lists each transcript with its title, speakers and turn count', async ({
  page,
}) => {
  await page.goto('/');
  const card = page.getByRole('listitem').filter({ hasText: 'What is alignment?' });
  await expect(
    card.getByRole('link', { name: 'What is alignment? A research panel' }),
  ).toHaveAttribute('href', READER);
  await expect(card).toContainText('46 turns');
  await expect(card).toContainText('Moderator, Amanda Askell, Yan, Josh, Audience');

  await card.getByRole('link').click();
  await expect(page).toHaveURL(READER);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'What is alignment? A research panel',
  );
});

test('an unknown address says so and leads home', async ({ page }) => {
  const response = await page.goto('/no-such-transcript/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'All transcripts' }).click();
  await expect(page).toHaveURL('/');
});
