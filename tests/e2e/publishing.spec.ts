/**
 * Publishing: what link previews, crawlers and feed readers see, that
 * every address stays under the base, and how many files a host is given.
 * The tests tagged @published run against the plain build of the corpus,
 * without a site URL, and the one published under a base path with a site
 * URL; those tagged @no-share-pages against the plain build and the one
 * with the `sharePages` setting off (playwright.config.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { turnStrings } from '../../src/lib/strings.ts';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { quoteTurn, shareTitle } from '../../src/lib/share.ts';
import { corpus, seed } from '../support/corpus.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { E2E_NO_SHARE_SITE, E2E_PUBLISHED_SITE, E2E_SITE, PUBLISHED } from '../support/paths.ts';
import { at, READER, turn } from './pages.ts';

/** The build a project serves: its folder, its site URL if it has one, and whether it has share pages. */
function build({ project }: TestInfo): {
  dist: string;
  site: string | undefined;
  sharePages: boolean;
} {
  if (project.name === 'published') {
    return { dist: E2E_PUBLISHED_SITE, site: PUBLISHED.site, sharePages: true };
  }
  if (project.name === 'no-share-pages') {
    return { dist: E2E_NO_SHARE_SITE, site: undefined, sharePages: false };
  }
  return { dist: E2E_SITE, site: undefined, sharePages: true };
}

const meta = (page: Page, key: string) =>
  page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);
const canonical = (page: Page) => page.locator('head link[rel="canonical"]');

test(
  'every page has its title, description and card; with a site URL, its absolute address',
  {
    tag: '@published',
  },
  async ({ page, baseURL }, info) => {
    const { site } = build(info);
    const pages = [
      { path: '/', title: 'Duet' },
      { path: READER, title: bothLanguages(seed.transcript.title) },
      { path: '/no-such-page/', title: 'Page not found 找不到页面' },
    ];
    for (const { path: address, title } of pages) {
      await page.goto(at(baseURL, address));
      await expect(meta(page, 'og:title')).toHaveAttribute('content', title);
      await expect(meta(page, 'og:description')).toHaveAttribute('content', /\S/);
      await expect(meta(page, 'twitter:card')).toHaveAttribute('content', 'summary');
      const own = at(baseURL, address.startsWith('/no-such') ? '/404.html' : address);
      if (site) {
        await expect(canonical(page)).toHaveAttribute('href', `${site}${own}`);
        await expect(meta(page, 'og:url')).toHaveAttribute('content', `${site}${own}`);
      } else {
        await expect(canonical(page)).toHaveCount(0);
        await expect(meta(page, 'og:url')).toHaveCount(0);
      }
    }
    await page.goto(at(baseURL, READER));
    await expect(meta(page, 'og:description')).toHaveAttribute(
      'content',
      bothLanguages(seed.transcript.description!),
    );
  },
);

test(
  'the feed lists every transcript, newest first, at absolute addresses, linked from the head',
  {
    tag: '@published',
  },
  async ({ page, baseURL, request }, info) => {
    const { site } = build(info);
    await page.goto(at(baseURL, '/'));
    const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    const feed = await request.get(at(baseURL, '/feed.xml'));
    if (!site) {
      // Atom's addresses are absolute: without a site URL there is no feed.
      await expect(link).toHaveCount(0);
      expect(feed.status()).toBe(404);
      return;
    }
    await expect(link).toHaveAttribute('href', at(baseURL, '/feed.xml'));
    expect(feed.ok()).toBe(true);
    const entries = await page.evaluate(
      (xml) => {
        const atom = new DOMParser().parseFromString(xml, 'application/xml');
        return [...atom.querySelectorAll('entry')].map((entry) => ({
          title: entry.querySelector('title')?.textContent,
          link: entry.querySelector('link')?.getAttribute('href'),
        }));
      },
      await feed.text(),
    );
    expect(entries).toEqual(
      corpus.map(({ href, transcript }) => ({
        title: bothLanguages(transcript.title),
        link: `${site}${at(baseURL, href)}`,
      })),
    );
  },
);

test(
  'robots.txt names the sitemap, which lists the home page and every reader page, not the share pages',
  {
    tag: '@published',
  },
  async ({ request, baseURL }, info) => {
    const { site } = build(info);
    const robots = await (await request.get(at(baseURL, '/robots.txt'))).text();
    expect(robots).toContain('User-agent: *');
    if (!site) {
      // A sitemap's addresses are absolute: without a site URL there is none.
      expect(robots).not.toContain('Sitemap:');
      return;
    }
    const index = `${site}${at(baseURL, '/sitemap-index.xml')}`;
    expect(robots).toContain(`Sitemap: ${index}`);
    const locations = async (address: string) => {
      const xml = await (await request.get(new URL(address).pathname)).text();
      return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    };
    const listed = (await Promise.all((await locations(index)).map(locations))).flat();
    // Other pages (the glossaries) may be listed too; the crawl below checks every address is a page.
    expect(listed).toEqual(
      expect.arrayContaining(
        ['/', ...corpus.map(({ href }) => href)].map((href) => `${site}${at(baseURL, href)}`),
      ),
    );
    expect(listed.filter((address) => address.includes('/turn-'))).toEqual([]);
  },
);

test(
  'a turn’s share page quotes the turn and opens it on the reader, with or without JavaScript',
  {
    tag: '@published',
  },
  async ({ browser, baseURL, request }, info) => {
    const { site } = build(info);
    const shared = seed.transcript.turns[12]!;
    const address = at(baseURL, `${READER}turn-${shared.number}/`);
    const html = await (await request.get(address)).text();
    const head = fromHtml(html);
    const attributes: Record<string, string> = {};
    visit(head, 'element', (node) => {
      const key = node.properties.property ?? node.properties.name ?? node.properties.rel;
      const value = node.properties.content ?? node.properties.href;
      if (key && value) attributes[String(key)] = String(value);
    });
    const speaker = seed.transcript.speakers[shared.speaker]!.name;
    expect(attributes['og:title']).toBe(shareTitle({ speaker, title: seed.transcript.title }));
    expect(attributes['og:title']).toContain(speaker.en);
    expect(attributes['og:description']).toBe(
      quoteTurn({ zh: shared.zh.text, en: shared.en.text }),
    );
    expect(attributes['og:description']).toContain([...shared.zh.text].slice(0, 10).join(''));
    expect(attributes['og:description']).toContain(shared.en.text.slice(0, 20));
    expect(attributes['twitter:card']).toBe('summary');
    if (site) {
      expect(attributes.canonical).toBe(`${site}${address}`);
      expect(attributes['og:url']).toBe(`${site}${address}`);
    } else {
      expect(attributes.canonical).toBeUndefined();
    }

    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(address);
      await expect(page).toHaveURL(`${at(baseURL, READER)}#turn-${shared.number}`);
      await expect(turn(page, shared.number)).toBeInViewport();
      await context.close();
    }
    // Where refreshes are off, the page's one link goes there too.
    expect(html).toMatch(
      new RegExp(
        `<a href="${at(baseURL, READER)}#turn-${shared.number}">Read turn ${shared.number}`,
      ),
    );
  },
);

/** Every file under `dir`, as paths relative to it with `/` between folders. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = `${prefix}${entry.name}`;
    return entry.isDirectory() ? files(dir, `${name}/`) : [name];
  });
}

test(
  'a crawl of the build finds no broken link and none outside the base',
  {
    tag: '@published',
  },
  ({ baseURL }, info) => {
    const { dist, site } = build(info);
    const origin = site ?? new URL(baseURL!).origin;
    const base = at(baseURL, '/');
    const all = files(dist);
    const present = new Set(all);
    const ids = new Map<string, Set<string>>();
    const pageUrl = (file: string) => `${origin}${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const problems: string[] = [];
    let checked = 0;

    /** The file an address of this site is served from, or a problem with it. */
    function check(from: string, address: string) {
      const url = new URL(address, pageUrl(from));
      if (url.origin !== origin || url.protocol === 'mailto:') return;
      checked++;
      if (!url.pathname.startsWith(base))
        return problems.push(`${from}: ${address} is outside ${base}`);
      const rest = decodeURIComponent(url.pathname.slice(base.length));
      const file = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
      if (!present.has(file)) return problems.push(`${from}: ${address} is not in the build`);
      // A page's fragment names an element; a recording's (`#t=754`) is a time, not checked here.
      if (
        url.hash &&
        file.endsWith('.html') &&
        !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))
      ) {
        problems.push(`${from}: ${address} names no element of ${file}`);
      }
    }

    function idsOf(file: string): Set<string> {
      let found = ids.get(file);
      if (!found) {
        const html = readFileSync(path.join(dist, file), 'utf8');
        found = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
        ids.set(file, found);
      }
      return found;
    }

    for (const file of all.filter((name) => name.endsWith('.html'))) {
      visit(fromHtml(readFileSync(path.join(dist, file), 'utf8')), 'element', (node) => {
        const { href, src, httpEquiv, content, property } = node.properties;
        for (const value of [href, src]) if (typeof value === 'string') check(file, value);
        if (String(httpEquiv).toLowerCase() === 'refresh' && typeof content === 'string') {
          check(file, content.replace(/^\d+;\s*url=/i, ''));
        }
        if (property === 'og:url' && typeof content === 'string') check(file, content);
      });
    }
    for (const file of all.filter((name) => /\.(xml|txt)$/.test(name))) {
      const text = readFileSync(path.join(dist, file), 'utf8');
      for (const [address] of text.matchAll(/https?:\/\/[^\s<>"]+/g)) check(file, address);
    }
    expect(problems).toEqual([]);
    // Every turn's share page and its link to the turn were among them.
    const turns = corpus.reduce((sum, entry) => sum + entry.transcript.turns.length, 0);
    expect(checked).toBeGreaterThan(turns * 2);
  },
);

test(
  'the build holds a share page per turn, or none with the setting off, and a few files per transcript',
  { tag: '@no-share-pages' },
  ({}, info) => {
    const { dist, sharePages } = build(info);
    const all = files(dist);
    const shares = all.filter((file) => /\/turn-\d+\/index\.html$/.test(file));
    let turns = 0;
    for (const { slug, transcript } of corpus) {
      const own = all.filter((file) => file.startsWith(`${slug}/`));
      const numbers = transcript.turns.map(({ number }) => `${slug}/turn-${number}/index.html`);
      turns += numbers.length;
      expect(shares.filter((file) => file.startsWith(`${slug}/`)).sort()).toEqual(
        sharePages ? numbers.sort() : [],
      );
      // Its reader, its glossary and the glossary's terms, its pinyin, its Traditional text and
      // its words for the dictionary; and with times, its captions in each language.
      const timed = transcript.turns.some((turn) => turn.start !== undefined);
      expect(own.filter((file) => !shares.includes(file)).length, slug).toBeLessThanOrEqual(
        timed ? 8 : 6,
      );
    }
    expect(shares).toHaveLength(sharePages ? turns : 0);
    // The site's own files, but the search index's (counted with it), do not grow with its turns.
    const site = all.filter(
      (file) =>
        !corpus.some(({ slug }) => file.startsWith(`${slug}/`)) && !file.startsWith('search/'),
    );
    expect(site.length).toBeLessThanOrEqual(10 * corpus.length);
    info.annotations.push({
      type: 'files',
      description: `${all.length} files: ${shares.length} share pages, ${all.filter((file) => file.startsWith('search/')).length} of the search index, ${site.length} of the site's own`,
    });
  },
);

test(
  '“Copy link” copies the turn’s share address, or its permalink on a site without share pages',
  { tag: '@no-share-pages' },
  async ({ page, context, baseURL }, info) => {
    const { sharePages } = build(info);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(at(baseURL, READER));
    await turn(page, 7)
      .getByRole('button', { name: /^Copy link.* 7$/ })
      .click();
    await expect(page.getByRole('status')).toHaveText(turnStrings.copied.en);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const reader = `${new URL(baseURL!).origin}${at(baseURL, READER)}`;
    expect(copied).toBe(sharePages ? `${reader}turn-7/` : `${reader}#turn-7`);
    // The range bar copies its range's permalink either way.
    await page.goto(`${at(baseURL, READER)}#turn-3-5`);
    await page
      .locator('.range-bar')
      .getByRole('button', { name: /^Copy link/ })
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${reader}#turn-3-5`);
  },
);
