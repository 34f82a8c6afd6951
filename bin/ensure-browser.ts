/**
 * Before the end-to-end tests: use the system's Chromium when there is one,
 * else make sure Playwright's own is installed.
 */
import { spawnSync } from 'node:child_process';
import { systemChromium } from '../tests/support/chromium.ts';

const system = systemChromium();
if (system) {
  console.log(`End-to-end tests use ${system}.`);
} else {
  console.log('No system Chromium found: installing Playwright’s own.');
  const install = spawnSync('node_modules/.bin/playwright', ['install', 'chromium'], {
    stdio: 'inherit',
  });
  if (install.status !== 0) {
    console.error(
      'Could not install Chromium. Install it with your package manager (e.g. `apt-get install chromium`) or name one with CHROMIUM_PATH.',
    );
    process.exit(install.status ?? 1);
  }
}
