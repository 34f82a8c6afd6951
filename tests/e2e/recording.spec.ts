/**
 * The recording beside the text (CONTRACT.md, Recording), on the corpus's
 * recorded talk: its recording is a WAV every test build writes
 * (tests/support/recording.ts), its turns' times are the transcript's.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parsePolicy } from '../../src/lib/csp.ts';
import { formatTime } from '../../src/lib/transcript/times.ts';
import { transcript } from '../support/corpus.ts';
import { RECORDING } from '../support/recording.ts';
import { at, turn } from './pages.ts';

const talk = transcript('recorded-talk');
const timed = talk.transcript.turns.filter((entry) => entry.start !== undefined);
/** The timed turn starting at `written`, as the transcript writes it. */
const timedAt = (written: string) => {
  const found = timed.find((entry) => formatTime(entry.start!) === written);
  if (!found) throw new Error(`recorded-talk has no turn at ${written}`);
  return found;
};

const media = (page: Page) => page.locator('.player audio');
const currentTime = (page: Page) =>
  media(page).evaluate((element: HTMLMediaElement) => element.currentTime);
const paused = (page: Page) => media(page).evaluate((element: HTMLMediaElement) => element.paused);
const timeLink = (page: Page, number: number, written: string) =>
  turn(page, number).getByRole('link', { name: written });
const follow = (page: Page) => page.getByRole('button', { name: 'Follow 跟随' });
const marked = (page: Page) => page.locator('.turn[aria-current="true"]');

test('each timed turn offers its time, and activating it plays the recording from there', async ({
  page,
}) => {
  await page.goto(talk.href);
  const third = timedAt('0:04');
  await timeLink(page, third.number, '0:04').click();
  await expect.poll(() => paused(page)).toBe(false);
  const time = await currentTime(page);
  expect(time).toBeGreaterThanOrEqual(third.start!);
  expect(time).toBeLessThan(third.start! + 1.5);
  // From the keyboard as well: Enter on another time.
  const later = timedAt('0:09');
  await timeLink(page, later.number, '0:09').press('Enter');
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(later.start!);
  expect(await currentTime(page)).toBeLessThan(later.start! + 1.5);
});

test('while the recording plays, the turn being spoken carries aria-current and a visible mark', async ({
  page,
}) => {
  await page.goto(talk.href);
  const [first, second] = timed;
  await expect(marked(page)).toHaveCount(0);
  await timeLink(page, first!.number, formatTime(first!.start!)).click();
  await expect(turn(page, first!.number)).toHaveAttribute('aria-current', 'true');
  const unmarked = await turn(page, second!.number).evaluate(
    (element) => getComputedStyle(element).backgroundColor,
  );
  // The recording reaches the next turn's time: the mark moves there, and only there.
  await expect(turn(page, second!.number)).toHaveAttribute('aria-current', 'true', {
    timeout: (second!.start! - first!.start! + 3) * 1000,
  });
  await expect(marked(page)).toHaveCount(1);
  const markedBackground = await turn(page, second!.number).evaluate(
    (element) => getComputedStyle(element).backgroundColor,
  );
  expect(markedBackground).not.toBe(unmarked);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('Follow keeps the turn being spoken in view, turns itself off when the reader scrolls away, and on again with one press', async ({
    page,
  }) => {
    await page.goto(talk.href);
    await expect(follow(page)).toHaveAttribute('aria-pressed', 'true');
    const [first, , third] = timed;
    await timeLink(page, first!.number, formatTime(first!.start!)).click();
    await expect(turn(page, third!.number)).not.toBeInViewport();
    await expect(turn(page, third!.number)).toHaveAttribute('aria-current', 'true', {
      timeout: (third!.start! + 3) * 1000,
    });
    // Shown at the top, below the site's header, once the page's scrolling has ended (Chromium
    // lets no wheel cut it short).
    let top = Infinity;
    await expect
      .poll(async () => {
        const [before, now] = [top, (await turn(page, third!.number).boundingBox())!.y];
        top = now;
        return now < 100 && now === before;
      })
      .toBe(true);

    // The reader scrolls back to the top: Follow lets go.
    await page.mouse.move(200, 300);
    await page.mouse.wheel(0, -3000);
    await expect(follow(page)).toHaveAttribute('aria-pressed', 'false');
    const spoken = marked(page);
    await expect(spoken).not.toBeInViewport();
    await follow(page).click();
    await expect(follow(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(spoken).toBeInViewport();
  });

  test('the player stays within reach while reading, on one line', async ({ page }) => {
    await page.goto(`${talk.href}#turn-${talk.transcript.turns.length}`);
    const player = page.getByRole('region', { name: /Recording/ });
    await expect(player).toBeInViewport({ ratio: 1 });
    const box = (await player.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(64);
    expect(box.y + box.height).toBeCloseTo(844, 0);
  });

  test('a range of turns keeps its bar above the player', async ({ page }) => {
    await page.goto(`${talk.href}#turn-2-3`);
    const bar = page.getByRole('group', { name: /^Turns 2–3/ });
    await expect(bar).toBeVisible();
    const player = (await page.getByRole('region', { name: /Recording/ }).boundingBox())!;
    const { y, height } = (await bar.boundingBox())!;
    expect(y + height).toBeLessThanOrEqual(player.y);
  });
});

for (const [cue, written] of [
  ['9', '0:09'],
  ['0:04', '0:04'],
] as const) {
  test(`?t=${cue} opens with the recording cued at that time and its turn marked`, async ({
    page,
  }) => {
    const cued = timedAt(written);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${talk.href}?t=${cue}`);
    await expect(turn(page, cued.number)).toHaveAttribute('aria-current', 'true');
    await expect(turn(page, cued.number)).toBeInViewport();
    await expect.poll(() => currentTime(page)).toBe(cued.start);
    expect(await paused(page)).toBe(true);
  });
}

test('p plays and pauses from anywhere on the reader but a field, and the shortcuts list it', async ({
  page,
}) => {
  await page.goto(talk.href);
  await page.locator('h1').click();
  await page.keyboard.press('p');
  await expect.poll(() => paused(page)).toBe(false);
  await page.keyboard.press('p');
  await expect.poll(() => paused(page)).toBe(true);

  await page.getByRole('searchbox', { name: /Search/ }).fill('p');
  await page.getByRole('searchbox', { name: /Search/ }).press('p');
  expect(await paused(page)).toBe(true);
  await page.getByRole('searchbox', { name: /Search/ }).press('Escape');
  await page.getByRole('searchbox', { name: /Search/ }).press('Escape');

  await page.locator('h1').click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('dt', { hasText: /^p$/ })).toHaveCount(1);
  await expect(dialog.locator('dd', { hasText: 'Play or pause the recording' })).toHaveCount(1);
});

test('a recording that fails to load says so in the player’s place and leaves the times as links', async ({
  page,
}) => {
  await page.route(`**${RECORDING.path}`, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(talk.href);
  await expect(page.getByText('The recording could not be loaded.')).toBeVisible();
  await expect(media(page)).toBeHidden();
  await expect(follow(page)).toBeHidden();
  const [first] = timed;
  const link = timeLink(page, first!.number, formatTime(first!.start!));
  const followed = await link.evaluate(
    (element) =>
      new Promise<boolean>((resolve) => {
        // After the page's own listeners, which the click bubbles through first.
        addEventListener(
          'click',
          (event) => {
            resolve(!event.defaultPrevented);
            event.preventDefault();
          },
          { once: true },
        );
        (element as HTMLAnchorElement).click();
      }),
  );
  expect(followed).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test(
    'each time is a link to the recording at that time, and the player plays',
    { tag: '@published' },
    async ({ page, baseURL }) => {
      await page.goto(at(baseURL, talk.href));
      for (const entry of timed) {
        const link = timeLink(page, entry.number, formatTime(entry.start!));
        await expect(link).toHaveAttribute(
          'href',
          `${at(baseURL, RECORDING.path)}#t=${entry.start}`,
        );
      }
      await expect(page.locator('.turn h2 + a')).toHaveCount(timed.length);
      await expect(media(page)).toBeVisible();
      await expect(media(page)).toHaveAttribute('controls');
      await expect(follow(page)).toBeHidden();
    },
  );
});

test('the policy allows the site’s media and no other host’s', async ({ page, baseURL }) => {
  const response = await page.goto(talk.href);
  const html = await response!.text();
  const policy = parsePolicy(/content-security-policy" content="([^"]*)"/.exec(html)![1]!);
  expect(policy.get('media-src')).toEqual(["'self'"]);

  await expect
    .poll(() => media(page).evaluate((element: HTMLMediaElement) => element.readyState))
    .toBeGreaterThan(0);
  // The same server under another name is another origin.
  const other = new URL(RECORDING.path, baseURL!.replace('127.0.0.1', 'localhost')).href;
  const blocked = await page.evaluate(
    (src) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) =>
          resolve(`${event.effectiveDirective} ${event.blockedURI}`),
        );
        const audio = document.createElement('audio');
        audio.preload = 'auto';
        audio.src = src;
        audio.addEventListener('loadedmetadata', () => resolve('loaded'));
        document.body.append(audio);
      }),
    other,
  );
  expect(blocked).toBe(`media-src ${other}`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the reader with its recording playing has no axe violations, ${colorScheme}`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${talk.href}?t=0:04`);
    await expect(marked(page)).toHaveCount(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}
