/**
 * The bench's server (bench/serve.ts) as the budgets and screenshots rely on it: it
 * answers a byte range as a static host does, the open-ended one a browser asks a recording
 * for included, or the browser cannot seek in it and `?t=` and a time's link start at 0.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../bench/serve.ts';

const BYTES = Buffer.from('0123456789');
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'duet-serve-'));
  writeFileSync(path.join(folder, 'talk.wav'), BYTES);
  server = await serve(folder);
});
afterAll(() => server.close());

async function get(range: string) {
  const response = await fetch(`${server.origin}/talk.wav`, { headers: { range } });
  return {
    status: response.status,
    range: response.headers.get('content-range'),
    body: Buffer.from(await response.arrayBuffer()).toString(),
  };
}

describe('the bench server answers byte ranges', () => {
  test.each([
    ['bytes=2-4', '234', 'bytes 2-4/10'],
    ['bytes=0-', '0123456789', 'bytes 0-9/10'],
    ['bytes=7-', '789', 'bytes 7-9/10'],
    ['bytes=-3', '789', 'bytes 7-9/10'],
    ['bytes=8-99', '89', 'bytes 8-9/10'],
  ])('%s', async (range, body, contentRange) => {
    expect(await get(range)).toEqual({ status: 206, range: contentRange, body });
  });

  test('a range past the end is refused with the length', async () => {
    expect(await get('bytes=12-')).toEqual({ status: 416, range: 'bytes */10', body: '' });
  });

  test('says it takes ranges, as a browser asks before it seeks', async () => {
    const response = await fetch(`${server.origin}/talk.wav`);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.status).toBe(200);
  });
});
