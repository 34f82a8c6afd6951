/**
 * The browser's side of the site index (src/client/search/site.ts): the
 * addresses it fetches, under the site's base path, and a failed fetch
 * reported, not swallowed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { record, writeIndex } from '../support/memory-index.ts';

const files = writeIndex([
  record('panel', [['Josh', '我觉得模型应该更诚实。', 'I think models should be more honest.']]),
]);
const version = JSON.parse(files.get('index.json')!).version as string;

/** A stand-in for `fetch` serving `files` under `prefix`; it keeps every address asked for. */
function serveUnder(prefix: string, status = 200) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const path = url.startsWith(prefix) ? url.slice(prefix.length).replace(/\?.*$/, '') : '';
    const text = files.get(path);
    if (status !== 200 || text === undefined) {
      return new Response('Not here', { status: 404, statusText: 'Not Found' });
    }
    return new Response(text);
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

  it('fetches the manifest first, then this build’s files by their version', async () => {
    const asked = serveUnder('/search/');
    const { preloadSiteIndex, searchSite } = await site();
    await preloadSiteIndex();
    expect(asked).toEqual(['/search/index.json']);
    const outcome = await searchSite(parseQuery('honest')!, {});
    expect(outcome.hits.map((hit) => `${hit.slug}:${hit.turn}`)).toEqual(['panel:1']);
    expect(asked.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^/search/s/\\d+\\.json\\?v=${version}$`)),
      `/search/f/0/1.json?v=${version}`,
    ]);
  });

  it('fetches under the site’s base path', async () => {
    vi.stubEnv('BASE_URL', '/sub/duet');
    const asked = serveUnder('/sub/duet/search/');
    const { searchSite } = await site();
    expect((await searchSite(parseQuery('模型')!, {})).hits).toHaveLength(1);
    expect(asked.every((url) => url.startsWith('/sub/duet/search/'))).toBe(true);
  });

  it('rejects, naming the file, when the index cannot be fetched', async () => {
    serveUnder('/search/', 404);
    const { searchSite } = await site();
    await expect(searchSite(parseQuery('honest')!, {})).rejects.toThrow(
      'The search index file search/index.json could not be loaded: /search/index.json answered 404 Not Found',
    );
  });
});
