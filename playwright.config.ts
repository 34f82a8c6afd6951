import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, systemChromium } from './tests/support/chromium.ts';
import { builtFromSources, sourcesDigest } from './tests/support/built-from.ts';
import {
  E2E_NO_SHARE_SITE,
  E2E_NO_SHARE_WORK,
  E2E_PUBLISHED_SITE,
  E2E_PUBLISHED_WORK,
  E2E_SITE,
  E2E_TIMED_SITE,
  E2E_TIMED_WORK,
  E2E_WORK,
  PUBLISHED,
} from './tests/support/paths.ts';

/** A port no one else is using, so a server another checkout left running is never tested. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Chosen once, in the runner; the workers load this file again and inherit the variables.
const chosen = !process.env.E2E_PORT;
process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_PUBLISHED_PORT ??= String(await freePort());
process.env.E2E_NO_SHARE_PORT ??= String(await freePort());
const port = Number(process.env.E2E_PORT);
const publishedPort = Number(process.env.E2E_PUBLISHED_PORT);
const noSharePort = Number(process.env.E2E_NO_SHARE_PORT);
const executablePath = systemChromium();

// A run tests the sites built from the sources as they are, never an older build: checked once,
// in the runner (its workers inherit the variable), so an edit made during a run stops no worker.
if (!process.env.E2E_SITES_CHECKED) {
  const digest = sourcesDigest();
  const problems = [
    { site: E2E_SITE, work: E2E_WORK },
    { site: E2E_PUBLISHED_SITE, work: E2E_PUBLISHED_WORK },
    { site: E2E_NO_SHARE_SITE, work: E2E_NO_SHARE_WORK },
    { site: E2E_TIMED_SITE, work: E2E_TIMED_WORK },
  ].flatMap(({ site, work }) => {
    if (!existsSync(`${site}/index.html`)) return [`There is no site in ${site}.`];
    if (!builtFromSources(work, digest)) {
      return [
        `The site in ${site} was not built from the sources as they are now (src/, public/, the test corpus, the configs).`,
      ];
    }
    return [];
  });
  if (problems.length > 0) {
    throw new Error(
      `${problems.join('\n')}\nRun node tests/support/build-site.ts to build the test sites from the test corpus (npm run test:e2e does so before its tests).`,
    );
  }
  process.env.E2E_SITES_CHECKED = '1';
}

/** The test corpus's production build, served as `npm start` serves dist/, under its base path. */
function preview(outDir: string, port: number, base = '/') {
  return {
    command: `node_modules/.bin/astro preview --outDir ${outDir} --base ${base} --port ${port} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${port}${base === '/' ? '/' : `${base}/`}`,
    // Only a server on a port given in E2E_PORT may be one already running.
    reuseExistingServer: !chosen && !process.env.CI,
    timeout: 60_000,
  };
}
const published = preview(E2E_PUBLISHED_SITE, publishedPort, PUBLISHED.base);
const noShare = preview(E2E_NO_SHARE_SITE, noSharePort);

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: Boolean(process.env.CI),
  fullyParallel: true,
  workers: 2,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [
    { name: 'site', use: { baseURL: `http://127.0.0.1:${port}/` } },
    // The site as published under a base path with a site URL (tests/support/build-site.ts):
    // the tests tagged @published, those about addresses, run against it too.
    { name: 'published', grep: /@published/, use: { baseURL: published.url } },
    // The site without share pages (the `sharePages` setting off): the tests tagged @no-share-pages.
    { name: 'no-share-pages', grep: /@no-share-pages/, use: { baseURL: noShare.url } },
  ],
  // The three builds of the test corpus (`npm run test:e2e` makes them first).
  webServer: [preview(E2E_SITE, port), published, noShare],
});
