import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, systemChromium } from './tests/support/chromium.ts';
import { E2E_SITE } from './tests/support/paths.ts';

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

// Chosen once, in the runner; the workers load this file again and inherit the variable.
const chosen = !process.env.E2E_PORT;
process.env.E2E_PORT ??= String(await freePort());
const port = Number(process.env.E2E_PORT);
const executablePath = systemChromium();

if (!existsSync(`${E2E_SITE}/index.html`)) {
  throw new Error(
    `There is no site in ${E2E_SITE}: run npm run test:e2e, or node tests/support/build-site.ts, to build it from the test corpus.`,
  );
}

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: Boolean(process.env.CI),
  fullyParallel: true,
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
  },
  // The test corpus's production build (`npm run test:e2e` makes it first), served as `npm start` serves dist/.
  webServer: {
    command: `node_modules/.bin/astro preview --outDir ${E2E_SITE} --port ${port} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    // Only a server on a port given in E2E_PORT may be one already running.
    reuseExistingServer: !chosen && !process.env.CI,
    timeout: 60_000,
  },
});
