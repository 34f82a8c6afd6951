/**
 * Builds the site from the test corpus into folders of its own, for the
 * e2e tests (`npm run test:e2e` runs this first), so a test run never
 * overwrites the `dist/` that `npm start` serves: once as `npm run build`
 * builds it, once published under a base path and a site URL.
 */
import { buildSite } from './astro-build.ts';
import { CORPUS, E2E_PUBLISHED_WORK, E2E_WORK, PUBLISHED } from './paths.ts';

const plain = buildSite(CORPUS, E2E_WORK, { inherit: true }).status ?? 1;
const published = buildSite(CORPUS, E2E_PUBLISHED_WORK, {
  inherit: true,
  flags: ['--base', PUBLISHED.base, '--site', PUBLISHED.site],
}).status;
process.exitCode = plain || (published ?? 1);
