/**
 * How hard the properties try, read in this one place: `npm test` runs
 * DEFAULT_RUNS of each, `npm run fuzz` sets FUZZ_RUNS=10000. A failure
 * prints fast-check's seed and path; to replay it, run that test alone with
 * FUZZ_SEED=<seed> FUZZ_PATH=<path> (the path belongs to one property).
 */
import type fc from 'fast-check';

const DEFAULT_RUNS = 1_000;

/** Generated inputs per property. */
export const RUNS = whole('FUZZ_RUNS') ?? DEFAULT_RUNS;

/**
 * Runs of a property that writes a folder of files for each input: a fifth
 * as many, since each run costs a folder on disk (200 in `npm test`, 2,000
 * in `npm run fuzz`); the parser itself is tried RUNS times by the others.
 */
export const FILE_RUNS = Math.ceil(RUNS / 5);

const SEED = whole('FUZZ_SEED');
const PATH = process.env.FUZZ_PATH;

// A few milliseconds per run on a quiet machine; this allows for six agents
// sharing two cores and for shrinking a failure, which reruns the property
// hundreds of times.
const MS_PER_RUN = 60;
const SHRINKING_MS = 120_000;

/** fast-check's parameters for a property of `runs` runs, with the replay seed and path if given. */
export function parameters<T>(runs = RUNS): fc.Parameters<T> {
  return {
    numRuns: runs,
    ...(SEED === undefined ? {} : { seed: SEED }),
    ...(PATH === undefined ? {} : { path: PATH }),
  };
}

/** The vitest timeout for a test that checks a property `runs` times. */
export function timeout(runs = RUNS): number {
  return SHRINKING_MS + runs * MS_PER_RUN;
}

function whole(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new Error(`${name} must be a whole number, not ${value}`);
  return number;
}
