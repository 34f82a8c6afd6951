import { expect, test } from '@playwright/test';
import { BUDGETS } from '../../bench/budgets.ts';
import { gzipBytes, kilobytes } from '../../bench/units.ts';
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
