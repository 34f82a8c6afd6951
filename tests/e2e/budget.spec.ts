import { expect, test } from '@playwright/test';
import { BUDGETS } from '../../bench/budgets.ts';
import { floorPage } from '../../bench/floor.ts';
import { bytesSent } from '../../bench/serve.ts';
import { gzipBytes, kilobytes } from '../../bench/units.ts';
import { seed } from '../support/corpus.ts';
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

test(`the reader's first view is at most ${BUDGETS.firstViewRatio} times its text as a minimal page (gzip)`, async ({
  page,
}) => {
  // Every response until the network is idle, counted as the bench's server sends it.
  const responses: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.status() >= 300 && response.status() < 400) return;
    const type = response.headers()['content-type'] ?? '';
    responses.push(response.body().then((body) => bytesSent(type, body)));
  });
  await page.goto(READER, { waitUntil: 'networkidle' });
  const sent = await Promise.all(responses);
  const bytes = sent.reduce((sum, size) => sum + size, 0);

  const floor = gzipBytes(floorPage(seed.transcript));
  expect(
    bytes / floor,
    `${kilobytes(bytes)} in ${sent.length} requests against ${kilobytes(floor)}`,
  ).toBeLessThanOrEqual(BUDGETS.firstViewRatio);
});
