/**
 * The browser's side of the site index (src/client/search/site.ts): the
 * addresses it fetches, under the site's base path, its binary files read
 * by HTTP range or whole from a host that will not send a range, and a
 * failed fetch reported, not swallowed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { record, writeIndex } from '../support/memory-index.ts';

const files = writeIndex([
  record('panel', [['Josh', '我觉得模型应该更诚实。', 'I think models should be more honest.']]),
]);
const version = JSON.parse(files.get('index.json') as string).version as string;

/** How a host answers a request for a range of a file. */
type Ranges = 'sent' | 'ignored' | 'compressed';

interface Asked {
  url: string;
  range: string | null;
  cache?: RequestCache | undefined;
  priority?: RequestPriority | undefined;
}

/**
 * A stand-in for `fetch` serving `files` under `prefix`, as a host that
 * sends the ranges asked for, ignores them (the whole file, 200), or sends
 * a range of the file compressed (other bytes than asked for); it keeps
 * every address and range asked for.
 */
function serveUnder(
  prefix: string,
  { status = 200, ranges = 'sent' as Ranges, index = files } = {},
) {
  const asked: Asked[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const range = new Headers(init.headers).get('range');
    asked.push({
      url,
      range,
      ...(init.cache ? { cache: init.cache } : {}),
      ...(init.priority ? { priority: init.priority } : {}),
    });
    const path = url.startsWith(prefix) ? url.slice(prefix.length).replace(/\?.*$/, '') : '';
    const data = index.get(path);
    if (status !== 200 || data === undefined) {
      return new Response('Not here', { status: 404, statusText: 'Not Found' });
    }
    const match = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
    // A copy: a Response takes bytes of an ArrayBuffer of their own.
    if (typeof data === 'string') return new Response(data);
    if (!match || ranges === 'ignored') return new Response(new Uint8Array(data));
    const [start, end] = [Number(match[1]), Number(match[2])];
    const bytes = ranges === 'sent' ? data.subarray(start, end + 1) : data.subarray(start, end);
    return new Response(new Uint8Array(bytes), {
      status: 206,
      headers: { 'content-range': `bytes ${start}-${end}/${data.length}` },
    });
  });
  return asked;
}

/** site.ts keeps what it loaded for the page's lifetime: each test loads it afresh. */
async function site() {
  vi.resetModules();
  return import('../../src/client/search/site.ts');
}

describe('searchSite', () => {
  beforeEach(() => vi.stubEnv('BASE_URL', '/'));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('fetches the manifest first, then this build’s files by their version, and texts by range', async () => {
    const asked = serveUnder('/search/');
    const { preloadSiteIndex, searchSite } = await site();
    await preloadSiteIndex();
    expect(asked).toEqual([{ url: '/search/index.json', range: null, cache: 'no-cache' }]);
    const outcome = await searchSite(parseQuery('honest')!, {});
    expect(outcome.hits.map((hit) => `${hit.slug}:${hit.turn}:${hit.text}`)).toEqual([
      'panel:1:I think models should be more honest.',
    ]);
    expect(asked.slice(1)).toEqual([
      {
        url: expect.stringMatching(new RegExp(`^/search/s/\\d+\\.json\\?v=${version}$`)),
        range: null,
        priority: 'high',
      },
      { url: `/search/f/0.json?v=${version}`, range: null, priority: 'high' },
      {
        url: `/search/t/0.bin?v=${version}`,
        range: expect.stringMatching(/^bytes=\d+-\d+$/),
        cache: 'no-store',
        priority: 'high',
      },
    ]);
  });

  it('asks for ranges past the browser’s cache, which would let them through one at a time', async () => {
    const asked = serveUnder('/search/');
    const { searchSite } = await site();
    for (const query of ['honest', '诚实']) await searchSite(parseQuery(query)!, {});
    const ranges = asked.filter(({ range }) => range);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.map(({ cache }) => cache)).toEqual(ranges.map(() => 'no-store'));
  });

  it('reads the first results at high priority, and the rest of the screen at low, for a newer query to overtake', async () => {
    const turns = Array.from(
      { length: 30 },
      (_, i) => ['Josh', `第${i + 1}个诚实的回答。`, `Honest answer number ${i + 1}.`] as const,
    );
    const asked = serveUnder('/search/', { index: writeIndex([record('many', turns)]) });
    const { searchSite } = await site();
    expect((await searchSite(parseQuery('honest')!, {})).hits).toHaveLength(10);
    const texts = asked.filter(({ range }) => range).map(({ priority }) => priority);
    // The first round, six turns, before any result is shown; then the four the screen still needs.
    expect(texts).toEqual([...Array(6).fill('high'), ...Array(4).fill('low')]);
  });

  for (const ranges of ['ignored', 'compressed'] as const) {
    it(`reads the whole file, once, from a host that ${ranges === 'ignored' ? 'ignores ranges' : 'sends other bytes than the range'}`, async () => {
      const asked = serveUnder('/search/', { ranges });
      const { searchSite } = await site();
      const texts = [];
      for (const query of ['honest', '诚实']) {
        texts.push((await searchSite(parseQuery(query)!, {})).hits[0]?.text);
      }
      expect(texts).toEqual(['I think models should be more honest.', '我觉得模型应该更诚实。']);
      const whole = asked.filter(({ url, range }) => url.startsWith('/search/t/') && !range);
      expect(whole).toHaveLength(ranges === 'ignored' ? 0 : 1);
      // The second query's text is in the file already read: no range asked for it.
      expect(asked.filter(({ range }) => range)).toHaveLength(1);
    });
  }

  it('fetches under the site’s base path', async () => {
    vi.stubEnv('BASE_URL', '/sub/duet');
    const asked = serveUnder('/sub/duet/search/');
    const { searchSite } = await site();
    expect((await searchSite(parseQuery('模型')!, {})).hits).toHaveLength(1);
    expect(asked.every(({ url }) => url.startsWith('/sub/duet/search/'))).toBe(true);
  });

  it('rejects, naming the file, when the index cannot be fetched', async () => {
    serveUnder('/search/', { status: 404 });
    const { searchSite } = await site();
    await expect(searchSite(parseQuery('honest')!, {})).rejects.toThrow(
      'The search index file search/index.json could not be loaded: /search/index.json answered 404 Not Found',
    );
  });
});
