/**
 * Builds the site from the test corpus into its own folder, for the e2e
 * tests (`npm run test:e2e` runs this first), so a test run never
 * overwrites the `dist/` that `npm start` serves.
 */
import { buildSite } from './astro-build.ts';
import { CORPUS, E2E_WORK } from './paths.ts';

process.exitCode = buildSite(CORPUS, E2E_WORK, { inherit: true }).status ?? 1;
