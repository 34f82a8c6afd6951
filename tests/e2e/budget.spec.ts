import { expect, test, type Page } from '@playwright/test';
import { BUDGETS } from '../../bench/budgets.ts';
import { floorPage } from '../../bench/floor.ts';
import { bytesSent, serve } from '../../bench/serve.ts';
import { gzipBytes, kilobytes } from '../../bench/units.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { seed } from '../support/corpus.ts';
import { E2E_TIMED_SITE } from '../support/paths.ts';
import { RECORDING } from '../support/recording.ts';
import { timedSeed } from '../support/timed-seed.ts';
import { READER } from './pages.ts';

test(`the reader ships at most ${kilobytes(BUDGETS.readerJsBytes, 0)} of JavaScript (gzip) and asks no other site for anything`, async ({
  page,
  baseURL,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(READER, { waitUntil: 'networkidle' });

  const scripts = await page.evaluate(() => ({
    inline: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
    external: [...document.querySelectorAll('script[src]')].map(
      (s) => (s as HTMLScriptElement).src,
    ),
  }));
  const moduleUrls = requests.filter((url) => url.endsWith('.js'));
  let bytes = scripts.inline.reduce((sum, code) => sum + gzipBytes(code), 0);
  for (const url of new Set([...scripts.external, ...moduleUrls])) {
    const response = await page.request.get(url);
    bytes += gzipBytes(await response.body());
  }
  expect(bytes).toBeLessThanOrEqual(BUDGETS.readerJsBytes);

  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
});

/**
 * The reader at `url`'s first view: every response until the network is idle, counted as the
 * bench's server sends it, against its transcript's floor. With `player`, the player element
 * itself is set aside, as the budget does (bench/README.md, "Budgets"): its markup in the page
 * (the page is counted as if it had none) and the recording it loads.
 */
async function firstView(page: Page, url: string, transcript: Transcript, player = false) {
  const responses: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.status() >= 300 && response.status() < 400) return;
    if (player && new URL(response.url()).pathname === RECORDING.path) return;
    const type = response.headers()['content-type'] ?? '';
    if (!player || response.request().resourceType() !== 'document') {
      responses.push(response.body().then((body) => bytesSent(type, body)));
      return;
    }
    responses.push(
      response.text().then((html) => {
        const without = html.replace(/<section class="player"[^]*?<\/section>/, '');
        expect(without, 'the page has a player to set aside').not.toBe(html);
        return bytesSent(type, Buffer.from(without));
      }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const sent = await Promise.all(responses);
  const bytes = sent.reduce((sum, size) => sum + size, 0);
  const floor = gzipBytes(floorPage(transcript));
  return {
    ratio: bytes / floor,
    said: `${kilobytes(bytes)} in ${sent.length} requests against ${kilobytes(floor)}`,
  };
}

test(`the reader's first view is at most ${BUDGETS.firstViewRatio} times its text as a minimal page (gzip)`, async ({
  page,
}) => {
  const { ratio, said } = await firstView(page, READER, seed.transcript);
  expect(ratio, said).toBeLessThanOrEqual(BUDGETS.firstViewRatio);
});

test(`with a recording and a time on every turn, the reader's first view is at most ${BUDGETS.firstViewWithRecordingRatio} times its text and times as a minimal page, the player element aside (gzip)`, async ({
  page,
}) => {
  const server = await serve(E2E_TIMED_SITE);
  try {
    const url = `${server.origin}/${timedSeed.slug}/`;
    const { ratio, said } = await firstView(page, url, timedSeed.transcript, true);
    expect(ratio, said).toBeLessThanOrEqual(BUDGETS.firstViewWithRecordingRatio);
  } finally {
    await server.close();
  }
});
