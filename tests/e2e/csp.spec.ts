/**
 * The Content-Security-Policy: every page the build writes carries one
 * that allows no inline script but its own and no other host, the reader
 * does everything it does under it without one violation, and a script
 * put into a page does not run. Twice: with the policy of each page's
 * meta alone (as `astro preview` and any plain host serve it), and with
 * the `_headers` file's headers added, as Netlify or Cloudflare Pages
 * would serve them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parsePolicy, type Policy } from '../../src/lib/csp.ts';
import { CACHE_FOREVER, CACHE_REVALIDATE } from '../../src/lib/headers-file.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { strings, turnStrings } from '../../src/lib/strings.ts';
import { headersFor, readHeaderRules } from '../support/headers-file.ts';
import { E2E_SITE } from '../support/paths.ts';
import { escapeRegExp } from '../support/regexp.ts';
import { searchField, typeQuery } from '../support/search-driver.ts';
import { chinese, english, languageControl, READER, turn } from './pages.ts';
import { transcript } from '../support/corpus.ts';

const talk = transcript('recorded-talk');

/** Every file of the built site, as its address (`/alignment-panel/index.html`). */
const files = readdirSync(E2E_SITE, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name !== '_headers')
  .map((entry) => `/${path.relative(E2E_SITE, path.join(entry.parentPath, entry.name))}`)
  .sort();
const htmlFiles = files.filter((file) => file.endsWith('.html'));
const rules = readHeaderRules(E2E_SITE);

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child: RootContent) =>
    child.type === 'element' ? [child, ...elements(child)] : [],
  );
}

const textOf = (element: Element) =>
  element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** The sources that govern `<script>` elements, as a browser picks them. */
const scriptSources = (policy: Policy) =>
  policy.get('script-src-elem') ?? policy.get('script-src') ?? policy.get('default-src') ?? [];
const styleSources = (policy: Policy) =>
  policy.get('style-src-elem') ?? policy.get('style-src') ?? policy.get('default-src') ?? [];
const isHash = (source: string) => /^'sha(256|384|512)-[A-Za-z0-9+/]+=*'$/.test(source);

test('every page the build writes carries a policy before its first script or style, allowing its own inline code by hash and nothing else', () => {
  expect(htmlFiles).toContain('/404.html');
  expect(htmlFiles).toContain('/index.html');
  expect(htmlFiles).toContain(`${READER}index.html`);
  for (const file of htmlFiles) {
    const all = elements(fromHtml(readFileSync(path.join(E2E_SITE, file), 'utf8')));
    const metas = all.filter(
      (element) =>
        element.tagName === 'meta' &&
        String(element.properties.httpEquiv).toLowerCase() === 'content-security-policy',
    );
    expect(metas, file).toHaveLength(1);
    const meta = metas[0]!;
    const policy = parsePolicy(String(meta.properties.content));

    // A meta's policy governs only what follows it.
    const first = all.findIndex(
      (element) =>
        element.tagName === 'script' ||
        element.tagName === 'style' ||
        (element.tagName === 'link' && String(element.properties.rel).includes('stylesheet')),
    );
    if (first >= 0) expect(all.indexOf(meta), file).toBeLessThan(first);

    const scripts = scriptSources(policy);
    if (scripts.includes("'none'")) {
      // A page with no code at all (a turn's share page) allows none; the inline check below
      // fails it if it has a script after all.
      expect(scripts, file).toEqual(["'none'"]);
    } else {
      expect(scripts, file).toContain("'self'");
      expect(
        scripts.filter((source) => source !== "'self'" && !isHash(source)),
        file,
      ).toEqual([]);
    }
    expect(policy.get('object-src'), file).toEqual(["'none'"]);
    expect(policy.get('base-uri'), file).toEqual(["'none'"]);

    for (const element of all) {
      const inline = element.tagName === 'script' && element.properties.src === undefined;
      if (inline) expect(scripts, `${file}: ${textOf(element)}`).toContain(sha256(textOf(element)));
      if (element.tagName === 'style')
        expect(styleSources(policy), file).toContain(sha256(textOf(element)));
    }
  }
});

test('the headers file serves every file under a policy no looser than its page’s and caches only what never changes', () => {
  for (const file of files) {
    const headers = headersFor(rules, file);
    const policies = headers.filter(([name]) => name === 'Content-Security-Policy');
    expect(policies, file).toHaveLength(1);
    const policy = parsePolicy(policies[0]![1]);
    expect(policy.get('frame-ancestors'), file).toEqual(["'none'"]);
    expect(policy.get('default-src'), file).toEqual(["'self'"]);

    const caching = headers.filter(([name]) => name === 'Cache-Control').map(([, value]) => value);
    if (file.startsWith('/_astro/')) expect(caching, file).toEqual([CACHE_FOREVER]);
    else if (file === '/search/index.json') expect(caching, file).toEqual([CACHE_REVALIDATE]);
    else if (file.startsWith('/search/')) expect(caching, file).toEqual([CACHE_FOREVER]);
    else expect(caching, file).toEqual([]);
  }
  // Each page's own policy allows nothing the header forbids: both apply, and the page works.
  const header = parsePolicy(headersFor(rules, '/')[0]![1]);
  for (const file of htmlFiles) {
    const html = readFileSync(path.join(E2E_SITE, file), 'utf8');
    const meta = parsePolicy(
      /http-equiv="content-security-policy" content="([^"]*)"/.exec(html)![1]!,
    );
    for (const [directive, sources] of meta) {
      // 'none' is stricter than anything the header allows.
      const allowed = sources.filter((source) => source !== "'none'");
      expect(header.get(directive), `${file}: ${directive}`).toEqual(
        expect.arrayContaining(allowed),
      );
    }
  }
});

/**
 * Records every violation the page reports, from its own event and from
 * the console, across navigations; returns them so far.
 */
async function watchViolations(page: Page): Promise<() => string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { reportViolation(v: string): void }).reportViolation;
        report(`${event.effectiveDirective} blocked ${event.blockedURI}: ${event.sample}`);
      },
      true,
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return () => [...violations];
}

const results = (page: Page) => page.locator('a.search-result');
const searchStatus = (page: Page) => page.locator('[data-search-status]');

async function search(page: Page, query: string) {
  await typeQuery(page, searchField(page), query);
  await expect(searchStatus(page)).toHaveAttribute('data-state', 'results');
}

for (const delivery of ['meta', 'meta and header'] as const) {
  test.describe(`under the policy of the ${delivery}`, () => {
    test.beforeEach(async ({ page, baseURL }) => {
      if (delivery === 'meta') return;
      // The site's responses with the headers a host reading `_headers` would add.
      await page.route(`${baseURL}**`, async (route) => {
        const added = Object.fromEntries(
          headersFor(rules, new URL(route.request().url()).pathname).map(([name, value]) => [
            name.toLowerCase(),
            value,
          ]),
        );
        try {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), ...added } });
        } catch (error) {
          // A request of a page the test has left is given up; any other stays unanswered and fails the test.
          if (!/disposed|closed|ended/i.test(String(error))) throw error;
        }
      });
    });

    test('the reader’s switches, copy, search and landing raise no violation', async ({
      page,
      context,
      baseURL,
    }) => {
      const violations = await watchViolations(page);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const response = await page.goto(`${READER}?lang=zh`);
      if (delivery !== 'meta') expect(response?.headers()['content-security-policy']).toBeTruthy();

      // The mode script ran before the page's own code: the page opened in 中文.
      await expect(chinese(page, 1)).toBeVisible();
      await expect(english(page, 1)).toBeHidden();
      await turn(page, 1).getByRole('button', { name: 'English', exact: true }).click();
      await expect(english(page, 1)).toBeVisible();
      await languageControl(page).getByRole('button', { name: 'Both', exact: true }).click();
      await expect(chinese(page, 1)).toBeVisible();
      await expect(english(page, 1)).toBeVisible();

      await turn(page, 7)
        .getByRole('button', { name: new RegExp(turnStrings.copyLink.en) })
        .click();
      // Said in the page's language: English in Both, as every announcement is (src/client/say.ts).
      await expect(page.getByRole('status')).toHaveText(turnStrings.copied.en);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
        new RegExp(`^${escapeRegExp(baseURL!)}.*turn-7/$`),
      );

      await searchField(page).click();
      await search(page, '稀疏自编码器');
      await results(page).first().click();
      await expect(chinese(page, 13).locator('mark')).toHaveText(['稀疏自编码器']);

      await searchField(page).click();
      await search(page, 'Base64');
      const own = await results(page).count();
      await page.getByRole('button', { name: bothLanguages(strings.allTranscripts) }).click();
      await expect.poll(() => results(page).count()).toBeGreaterThan(own);

      // A landing address opened afresh.
      await page.goto(`${READER}?lang=en&in=zh&mark=稀疏自编码器#turn-13`);
      await expect(chinese(page, 13).locator('mark')).toHaveText(['稀疏自编码器']);
      await expect(english(page, 13)).toBeHidden();

      expect(violations()).toEqual([]);
    });

    test('a reader with a recording plays it from a turn’s time, with no violation', async ({
      page,
    }) => {
      const violations = await watchViolations(page);
      await page.goto(`${talk.href}?t=0:02`);
      await expect(page.locator('.turn[aria-current="true"]')).toHaveCount(1);
      await page.getByRole('link', { name: '0:04' }).click();
      const audio = page.locator('.player audio');
      await expect
        .poll(() => audio.evaluate((element: HTMLMediaElement) => element.currentTime))
        .toBeGreaterThan(4);
      // The recording's styles applied: the player is held at the foot of the window.
      expect(
        await page.locator('.player').evaluate((element) => getComputedStyle(element).position),
      ).toBe('fixed');
      expect(violations()).toEqual([]);
    });

    test('the home page’s search, a result opened from it and the 404 page raise no violation', async ({
      page,
    }) => {
      const violations = await watchViolations(page);
      await page.goto('/');
      await searchField(page).click();
      await search(page, '稀疏自编码器');
      await results(page).first().click();
      await expect(page.locator('.turn:target mark').first()).toHaveText('稀疏自编码器');

      const missing = await page.goto('/no-such-transcript/');
      expect(missing?.status()).toBe(404);
      await expect(searchField(page)).toBeVisible();

      expect(violations()).toEqual([]);
    });

    test('a script or a handler put into a page does not run, and the page reports it', async ({
      page,
    }) => {
      const violations = await watchViolations(page);
      await page.goto(READER);
      await expect(languageControl(page)).toBeVisible();
      const ran = await page.evaluate(async () => {
        const flags = window as unknown as Record<string, number | undefined>;
        const script = document.createElement('script');
        script.textContent = 'window.injectedScript = 1';
        document.body.append(script);
        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.injectedHandler = 1');
        document.body.append(button);
        button.click();
        await new Promise((resolve) => setTimeout(resolve, 100));
        return [flags.injectedScript, flags.injectedHandler];
      });
      expect(ran).toEqual([undefined, undefined]);
      for (const directive of ['script-src-elem', 'script-src-attr']) {
        await expect
          .poll(() => violations().filter((violation) => violation.startsWith(directive)))
          .not.toEqual([]);
      }
    });
  });
}
