import { expect, test, type Page } from '@playwright/test';

/** The transcripts the home page lists, in its order: address and title. */
async function listed(page: Page): Promise<{ href: string; title: string }[]> {
  await page.goto('/');
  return page.locator('.transcript-card h2 a').evaluateAll((links) =>
    links.map((link) => ({
      href: link.getAttribute('href') ?? '',
      title: link.textContent ?? '',
    })),
  );
}

const others = (page: Page) => page.getByRole('navigation', { name: 'Other transcripts' });

test('each reader page links to its neighbours in the home page’s order, and home', async ({
  page,
}) => {
  const transcripts = await listed(page);
  expect(transcripts.length).toBeGreaterThan(0);

  for (const [index, { href }] of transcripts.entries()) {
    await page.goto(href);
    const nav = others(page);
    await expect(nav.getByRole('link', { name: 'All transcripts' })).toHaveAttribute('href', '/');

    const neighbours = [
      { rel: 'prev', label: 'Previous', neighbour: transcripts[index - 1] },
      { rel: 'next', label: 'Next', neighbour: transcripts[index + 1] },
    ];
    for (const { rel, label, neighbour } of neighbours) {
      const link = nav.locator(`a[rel="${rel}"]`);
      if (!neighbour) {
        await expect(link).toHaveCount(0);
        continue;
      }
      await expect(link).toHaveAttribute('href', neighbour.href);
      await expect(link).toHaveAccessibleName(`${label}: ${neighbour.title}`);
    }
  }
});

test('the link back home near the title leads to the list', async ({ page }) => {
  const [first] = await listed(page);
  await page.goto(first!.href);
  await page.locator('.transcript-header').getByRole('link', { name: 'All transcripts' }).click();
  await expect(page).toHaveURL('/');
});

test('the reader page shows the front matter’s description, date, event and source', async ({
  page,
}) => {
  const [first] = await listed(page);
  await page.goto('/');
  const card = page.locator('.transcript-card').first();
  const description = await card.locator('.description').textContent();
  // An undated transcript (the seed is one) has no <time> on its card.
  const time = card.locator('time');
  const date = (await time.count()) > 0 ? await time.getAttribute('datetime') : null;

  await page.goto(first!.href);
  const header = page.locator('.transcript-header');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText(first!.title);
  if (description) await expect(header.locator('.lead')).toHaveText(description);
  if (date) await expect(header.locator(`time[datetime="${date}"]`)).toBeVisible();
  // Event and source are not on the home page; where the front matter has a source, it is a link.
  const source = header.getByRole('link', { name: 'Source' });
  if ((await source.count()) > 0) await expect(source).toHaveAttribute('href', /^https?:\/\//);
});
