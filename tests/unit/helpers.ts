import { readFileSync } from 'node:fs';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { SEED_FILE } from '../support/paths.ts';

/** The corpus's copy of the seed: the site's own transcripts may change without breaking a test. */
export const SEED = SEED_FILE;
export const GOOD = 'tests/fixtures/transcripts/good';
export const BAD = 'tests/fixtures/transcripts/bad';

/** Parses a file that must be valid, failing with its problems if it is not. */
export function parseFile(file: string): Transcript {
  const slug = file.split('/').at(-1)!.replace(/\.md$/, '');
  const result = parseTranscript(readFileSync(file, 'utf8'), { file, slug });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return result.transcript;
}
