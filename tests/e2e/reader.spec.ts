import { expect, test } from '@playwright/test';
import { corpus, long } from '../support/corpus.ts';
import { PUBLISHED } from '../support/paths.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { turnStrings } from '../../src/lib/strings.ts';
import { at, chinese, english, languageControl, READER, TEXT, turn, TURN_COUNT } from './pages.ts';

const LABEL = /^\*\*[^*]+[:：]\*\* /;

/**
 * The lines of a transcript's body as shown, per language and in order: each without its
 * speaker label, one paragraph each, a link showing its text. A block is a label's line and
 * the lines under it; the one holding Han characters is the Chinese (so it is in this corpus).
 */
function sourceParagraphs(source: string): Record<'zh' | 'en', string[]> {
  const body = source.startsWith('---\n') ? source.slice(source.indexOf('\n---\n', 4) + 5) : source;
  const paragraphs: Record<'zh' | 'en', string[]> = { zh: [], en: [] };
  let block: string[] = [];
  const close = () => {
    paragraphs[/\p{Script=Han}/u.test(block.join('')) ? 'zh' : 'en'].push(...block);
    block = [];
  };
  for (const line of body.split('\n')) {
    if (LABEL.test(line) || !line.trim()) close();
    if (line.trim()) {
      block.push(line.replace(LABEL, '').replace(/\[([^\]]+)\]\(https:[^)]+\)/g, '$1'));
    }
  }
  close();
  return paragraphs;
}

test.describe('the reader page', () => {
  test('shows every turn with its speaker, both texts and a permalink', async ({ page }) => {
    await page.goto(READER);
    await expect(page.locator('.turn')).toHaveCount(TURN_COUNT);
    for (let number = 1; number <= TURN_COUNT; number++) {
      const element = turn(page, number);
      await expect(element.locator(TEXT.zh)).toHaveCount(1);
      await expect(element.locator(TEXT.en)).toHaveCount(1);
      await expect(
        element.getByRole('link', { name: `Turn ${number}`, exact: true }),
      ).toHaveAttribute('href', new RegExp(`#turn-${number}$`));
    }
    await expect(turn(page, 13).getByRole('heading')).toHaveText('Josh');
    await expect(chinese(page, 13)).toContainText('bell curve meme');
    await expect(english(page, 13)).toContainText('So I feel like everything in AI');
    // A speaker's role is in the list of speakers, not in every turn.
    await expect(page.locator('.speaker-list li', { hasText: 'Josh' })).toContainText(
      'Panelist, Interpretability',
    );
    await expect(turn(page, 13)).not.toContainText('Panelist, Interpretability');
  });

  for (const { slug, href, source } of corpus) {
    test(`shows every character of the source text, each line as a paragraph of its language, in order (${slug})`, async ({
      page,
    }) => {
      await page.goto(href);
      const written = sourceParagraphs(source);
      for (const language of ['zh', 'en'] as const) {
        const shown = await page
          .locator(`.turn ${TEXT[language]} p`)
          .evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
        expect(shown).toEqual(written[language]);
      }
    });
  }

  test('shows a long transcript whole, its last turn as written', async ({ page }) => {
    const turns = long.transcript.turns;
    expect(turns.length).toBeGreaterThanOrEqual(120);
    const last = turns.at(-1)!;
    await page.goto(long.href);
    await expect(page.locator('.turn')).toHaveCount(turns.length);
    await expect(turn(page, last.number).getByRole('heading')).toHaveText(last.speaker);
    await expect(chinese(page, last.number).locator('p')).toHaveText(last.zh.text.split('\n'));
    await expect(english(page, last.number).locator('p')).toHaveText(last.en.text.split('\n'));
  });

  test('holds all the Chinese of a turn in one element and all the English in another', async ({
    page,
  }) => {
    await page.goto(READER);
    await expect(chinese(page, 2).locator('p')).toHaveCount(4);
    await expect(english(page, 2).locator('p')).toHaveCount(4);
    await expect(chinese(page, 2)).not.toContainText('I mean ask Plato');
    await expect(english(page, 2)).not.toContainText('哲学王');
  });

  test('offers 中文, English and Both for the whole page, Both first chosen', async ({ page }) => {
    await page.goto(READER);
    const control = languageControl(page);
    await expect(control.getByRole('button')).toHaveText(['中文', 'English', 'Both']);
    await expect(control.getByRole('button', { name: 'Both', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(chinese(page, 1)).toBeVisible();
    await expect(english(page, 1)).toBeVisible();
    await expect(turn(page, 1).getByRole('button', { name: 'English', exact: true })).toBeHidden();
  });

  test('shows one language for the whole page', async ({ page }) => {
    await page.goto(READER);
    const control = languageControl(page);

    await control.getByRole('button', { name: '中文', exact: true }).click();
    await expect(control.getByRole('button', { name: '中文', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(control.getByRole('button', { name: 'Both', exact: true })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    for (const number of [1, 20, TURN_COUNT]) {
      await expect(chinese(page, number)).toBeVisible();
      await expect(english(page, number)).toBeHidden();
    }

    await control.getByRole('button', { name: 'English', exact: true }).click();
    for (const number of [1, 20, TURN_COUNT]) {
      await expect(chinese(page, number)).toBeHidden();
      await expect(english(page, number)).toBeVisible();
    }

    await control.getByRole('button', { name: 'Both', exact: true }).click();
    await expect(chinese(page, 20)).toBeVisible();
    await expect(english(page, 20)).toBeVisible();
  });

  test('switches one turn to the other language and back', async ({ page }) => {
    await page.goto(READER);
    await languageControl(page).getByRole('button', { name: '中文', exact: true }).click();

    const flip = turn(page, 5).getByRole('button', { name: 'English', exact: true });
    await expect(flip).toHaveAttribute('aria-pressed', 'false');
    await flip.click();
    await expect(flip).toHaveAttribute('aria-pressed', 'true');
    await expect(english(page, 5)).toBeVisible();
    await expect(chinese(page, 5)).toBeHidden();
    await expect(english(page, 6)).toBeHidden();
    await expect(chinese(page, 6)).toBeVisible();

    await flip.click();
    await expect(chinese(page, 5)).toBeVisible();
    await expect(english(page, 5)).toBeHidden();

    await languageControl(page).getByRole('button', { name: 'English', exact: true }).click();
    const flipBack = turn(page, 5).getByRole('button', { name: '中文', exact: true });
    await flipBack.click();
    await expect(chinese(page, 5)).toBeVisible();
    await expect(english(page, 5)).toBeHidden();
  });

  test('resets every switched turn when a page-wide language is chosen', async ({ page }) => {
    await page.goto(READER);
    const control = languageControl(page);
    await control.getByRole('button', { name: '中文', exact: true }).click();
    await turn(page, 3).getByRole('button', { name: 'English', exact: true }).click();
    await turn(page, 4).getByRole('button', { name: 'English', exact: true }).click();

    await control.getByRole('button', { name: '中文', exact: true }).click();

    for (const number of [3, 4]) {
      await expect(chinese(page, number)).toBeVisible();
      await expect(english(page, number)).toBeHidden();
      await expect(
        turn(page, number).getByRole('button', { name: 'English', exact: true }),
      ).toHaveAttribute('aria-pressed', 'false');
    }
  });

  test('remembers the page’s language across reloads and visits', async ({ page }) => {
    await page.goto(READER);
    const englishMode = languageControl(page).getByRole('button', { name: 'English', exact: true });
    await englishMode.click();
    await expect(englishMode).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    await expect(
      languageControl(page).getByRole('button', { name: 'English', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(chinese(page, 1)).toBeHidden();

    await page.goto('/');
    await page.goto(READER);
    await expect(chinese(page, 1)).toBeHidden();
    await expect(english(page, 1)).toBeVisible();
  });

  test('opens in the language of ?lang= without changing what is remembered', async ({ page }) => {
    await page.goto(READER);
    const englishMode = languageControl(page).getByRole('button', { name: 'English', exact: true });
    await englishMode.click();
    await expect(englishMode).toHaveAttribute('aria-pressed', 'true');

    await page.goto(`${READER}?lang=zh`);
    await expect(
      languageControl(page).getByRole('button', { name: '中文', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(chinese(page, 1)).toBeVisible();
    await expect(english(page, 1)).toBeHidden();

    await page.goto(`${READER}?lang=both#turn-3`);
    await expect(chinese(page, 3)).toBeVisible();
    await expect(english(page, 3)).toBeVisible();

    await page.goto(READER);
    await expect(
      languageControl(page).getByRole('button', { name: 'English', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  test(
    'copies a turn’s share address: under the site URL when the build has one, else this host',
    { tag: '@published' },
    async ({ page, context, baseURL }, { project }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(at(baseURL, READER));
      const copy = turn(page, 7).getByRole('button', { name: /^Copy link.* 7$/ });
      await copy.click();
      await expect(page.getByRole('status')).toHaveText(turnStrings.copied.en);
      // A tick after the button's words says so on screen too.
      expect(
        await copy.evaluate((element) => getComputedStyle(element, '::after').content),
      ).toContain('✓');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const root = project.name === 'published' ? PUBLISHED.site : new URL(baseURL!).origin;
      expect(copied).toBe(`${root}${at(baseURL, READER)}turn-7/`);
      // The address bar shows the turn's permalink.
      await expect(page).toHaveURL(`${at(baseURL, READER)}#turn-7`);
    },
  );
});
