import { defineConfig } from '@playwright/test';
import { chromiumArgs, systemChromium } from './tests/support/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4399);
const executablePath = systemChromium();

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
  // The production build, served as `npm start` serves it; `npm run test:e2e` builds it first.
  webServer: {
    command: `node_modules/.bin/astro preview --port ${port} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
