/**
 * Before `npm run bench` and `npm run bench:search`: installs the bench's
 * own dependencies (Lighthouse, chrome-launcher, Playwright) with
 * `npm ci --prefix bench` when bench/node_modules is missing or older than
 * bench/package-lock.json, so the site's `npm ci` never installs them and a
 * run after the first installs nothing. Playwright downloads no browser:
 * the bench drives the one the tests use (bench/browser.ts).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

const BENCH = import.meta.dirname;
/** npm writes this file last in an install: its age is the install's. */
const INSTALLED = path.join(BENCH, 'node_modules/.package-lock.json');
const MANIFESTS = ['package.json', 'package-lock.json'].map((name) => path.join(BENCH, name));

const modified = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;
const installed = modified(INSTALLED);
const stale =
  installed === undefined || MANIFESTS.some((file) => (modified(file) ?? Infinity) > installed);

if (stale) {
  console.error('bench: installing the benchmark’s tools: npm ci --prefix bench');
  const install = spawnSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (install.status !== 0) {
    console.error(
      `bench: could not install the benchmark’s tools (${install.error?.message ?? `npm ci exited ${install.status}`}); run \`npm ci --prefix bench\` and read its messages.`,
    );
    process.exit(install.status ?? 1);
  }
}
