import { expect, test, type Page } from '@playwright/test';
import { corpus } from '../support/corpus.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { at } from './pages.ts';

/** The transcripts the home page lists, in its order: address and title. */
async function listed(page: Page, home: string): Promise<{ href: string; title: string }[]> {
  await page.goto(home);
  return page.locator('.transcript-card h2 a').evaluateAll((links) =>
    links.map((link) => ({
      href: link.getAttribute('href') ?? '',
      title: link.textContent ?? '',
    })),
  );
}

const others = (page: Page) => page.getByRole('navigation', { name: 'Other transcripts' });

test(
  'each reader page links to its neighbours in the home page’s order, and home',
  { tag: '@published' },
  async ({ page, baseURL }) => {
    const transcripts = await listed(page, at(baseURL, '/'));
    expect(transcripts).toEqual(
      corpus.map(({ href, transcript }) => ({
        href: at(baseURL, href),
        title: bothLanguages(transcript.title),
      })),
    );

    for (const [index, { href }] of transcripts.entries()) {
      await page.goto(href);
      const nav = others(page);
      await expect(nav.getByRole('link', { name: 'All transcripts' })).toHaveAttribute(
        'href',
        at(baseURL, '/'),
      );

      const neighbours = [
        { rel: 'prev', label: 'Previous 上一篇', neighbour: transcripts[index - 1] },
        { rel: 'next', label: 'Next 下一篇', neighbour: transcripts[index + 1] },
      ];
      for (const { rel, label, neighbour } of neighbours) {
        const link = nav.locator(`a[rel="${rel}"]`);
        if (!neighbour) {
          await expect(link).toHaveCount(0);
          continue;
        }
        await expect(link).toHaveAttribute('href', neighbour.href);
        await expect(link).toHaveAccessibleName(`${label} ${neighbour.title}`);
      }
    }
  },
);

test(
  'the link back home near the title leads to the list',
  { tag: '@published' },
  async ({ page, baseURL }) => {
    const [first] = await listed(page, at(baseURL, '/'));
    await page.goto(first!.href);
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
