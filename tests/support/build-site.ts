/**
 * Builds the site from the test corpus into its own folder, for the e2e
 * tests (`npm run test:e2e` runs this first), so a test run never
 * overwrites the `dist/` that `npm start` serves.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CORPUS, E2E_SITE } from './paths.ts';

const root = path.resolve(import.meta.dirname, '../..');
const result = spawnSync(
  path.join(root, 'node_modules/.bin/astro'),
  ['build', '--outDir', E2E_SITE],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DUET_TRANSCRIPTS: CORPUS, ASTRO_TELEMETRY_DISABLED: '1' },
  },
);
process.exitCode = result.status ?? 1;
