/**
 * Builds the site from the test corpus into folders of its own, for the
 * e2e tests (`npm run test:e2e` runs this first), so a test run never
 * overwrites the `dist/` that `npm start` serves: once as `npm run build`
 * builds it, once published under a base path and a site URL, once without
 * share pages (the `sharePages` setting off), and the seed as a recorded
talk on its own (./timed-seed.ts). Each build
 * that succeeds records the sources it was made from (./built-from.ts),
 * read before it began.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { buildSite } from './astro-build.ts';
import { forgetSources, recordSources, sourcesDigest } from './built-from.ts';
import {
  CORPUS,
  E2E_NO_SHARE_WORK,
  E2E_PUBLISHED_WORK,
  E2E_TIMED_TRANSCRIPTS,
  E2E_TIMED_WORK,
  E2E_WORK,
  PUBLISHED,
} from './paths.ts';
import { timedSeed } from './timed-seed.ts';

rmSync(E2E_TIMED_TRANSCRIPTS, { recursive: true, force: true });
mkdirSync(E2E_TIMED_TRANSCRIPTS, { recursive: true });
writeFileSync(`${E2E_TIMED_TRANSCRIPTS}/${timedSeed.slug}.md`, timedSeed.source);

const digest = sourcesDigest();
const builds = [
  { work: E2E_WORK },
  { work: E2E_PUBLISHED_WORK, flags: ['--base', PUBLISHED.base, '--site', PUBLISHED.site] },
  { work: E2E_NO_SHARE_WORK, config: { sharePages: false } },
  { work: E2E_TIMED_WORK, transcripts: E2E_TIMED_TRANSCRIPTS },
];
process.exitCode = 0;
for (const { work, transcripts = CORPUS, ...options } of builds) {
  forgetSources(work);
  const status = buildSite(transcripts, work, { inherit: true, ...options }).status;
  if (status === 0) recordSources(work, digest);
  else process.exitCode = status ?? 1;
}
