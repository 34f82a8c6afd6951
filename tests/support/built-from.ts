/**
 * Which sources a test site was built from, so that a test run never tests
 * a build older than the code: tests/support/build-site.ts writes the
 * digest of the sources beside each build it makes (`built-from`, in the
 * build's work folder), and playwright.config.ts refuses a build whose
 * digest is not that of the sources as they are now. Reading them takes a
 * few milliseconds; a build takes seconds.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { digestOf } from '../../src/integrations/code-version.ts';
import { CORPUS } from './paths.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What a test build reads: the site's code, settings and libraries, the test corpus, and the scripts that build it. */
const SOURCES = [
  'src',
  'public',
  CORPUS,
  'astro.config.ts',
  'duet.config.ts',
  'tsconfig.json',
  'package-lock.json',
  'tests/support/astro-build.ts',
  'tests/support/build-site.ts',
  'tests/support/paths.ts',
  'tests/support/recording.ts',
  'tests/support/timed-seed.ts',
];

const stampOf = (work: string) => path.join(ROOT, work, 'built-from');

export const sourcesDigest = (): string => digestOf(ROOT, SOURCES);

/** Before a build of `work`: until it succeeds, it was built from nothing known. */
export function forgetSources(work: string): void {
  rmSync(stampOf(work), { force: true });
}

/** After a build of `work` that succeeded: the digest of the sources as they were when it began. */
export function recordSources(work: string, digest: string): void {
  writeFileSync(stampOf(work), `${digest}\n`);
}

/** Whether the build in `work` was made from the sources as they are now (`digest`). */
export function builtFromSources(work: string, digest: string): boolean {
  const stamp = stampOf(work);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest;
}
