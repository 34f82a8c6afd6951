/**
 * The dictionary's share of a site (src/lib/dictionary/site.ts): the bytes
 * of its files, each transcript's words file and the shards of the site's
 * entries, and the time a build spends making them (reading CC-CEDICT,
 * cutting every transcript into words). Made here from the transcripts the
 * bench builds, as the build's phases do not tell this work apart from the
 * rendering around it; the files are the ones the build writes, byte for
 * byte (`Response.json` is `JSON.stringify`).
 *
 *   node bench/dictionary.ts [--sizes 500,5000]
 *
 * alone prints the bytes and the time at each size, from the synthetic
 * transcripts `npm run bench` would write (in memory: nothing is built).
 */
import { parseArgs } from 'node:util';
import { loadCedict } from '../src/lib/dictionary/cedict.ts';
import { siteWords } from '../src/lib/dictionary/site.ts';
import { parseTranscript } from '../src/lib/transcript/parse.ts';
import type { Transcript } from '../src/lib/transcript/schema.ts';
import { createRandom } from '../tests/support/random.ts';
import { PRNG_SEED, synthesize } from './generate.ts';
import { markdownTable } from './table.ts';
import { kilobytes, megabytes } from './units.ts';

export interface DictionaryResult {
  transcripts: number;
  /** The words files' bytes, all together. */
  wordsBytes: number;
  shards: number;
  /** The shards' bytes, all together. */
  shardBytes: number;
  /** Making them: CC-CEDICT read afresh, every transcript cut. */
  seconds: number;
}

/** Makes the dictionary's files of these transcripts and weighs them. */
export async function measureDictionary(
  transcripts: readonly [slug: string, transcript: Transcript][],
): Promise<DictionaryResult> {
  const started = performance.now();
  const site = await siteWords(
    (async function* () {
      yield* transcripts;
    })(),
    loadCedict({ fresh: true }),
  );
  const seconds = (performance.now() - started) / 1000;
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  let wordsBytes = 0;
  for (const file of site.files.values()) wordsBytes += bytes(file);
  return {
    transcripts: transcripts.length,
    wordsBytes,
    shards: site.shards.length,
    shardBytes: site.shards.reduce((sum, shard) => sum + bytes(shard), 0),
    seconds,
  };
}

/** One row per size: the dictionary's bytes, per transcript, and the time to make them. */
export function dictionaryTable(results: readonly DictionaryResult[]): string {
  return markdownTable(
    ['N', 'words files', 'shards', 'all', 'per transcript', 'making'],
    results.map((result) => {
      const all = result.wordsBytes + result.shardBytes;
      return [
        result.transcripts.toLocaleString('en'),
        megabytes(result.wordsBytes),
        `${result.shards} (${megabytes(result.shardBytes)})`,
        megabytes(all),
        kilobytes(all / result.transcripts),
        `${result.seconds.toFixed(1)} s`,
      ];
    }),
  );
}

/** The seed and `count - 1` synthetic transcripts, as `writeContent` writes them, parsed. */
function synthetic(seed: Transcript, count: number): [string, Transcript][] {
  const random = createRandom(PRNG_SEED);
  const all: [string, Transcript][] = [['seed', seed]];
  for (let index = 1; index < count; index++) {
    const { slug, text } = synthesize(seed, index, random);
    const parsed = parseTranscript(text, { file: `${slug}.md`, slug });
    if (!parsed.ok) throw new Error(`${slug}: ${parsed.problems[0]?.message}`);
    all.push([slug, parsed.transcript]);
  }
  return all;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '500,5000' } } });
  const { readFileSync } = await import('node:fs');
  const { SEED_FILE } = await import('../tests/support/paths.ts');
  const seed = parseTranscript(readFileSync(SEED_FILE, 'utf8'), { file: SEED_FILE, slug: 'seed' });
  if (!seed.ok) throw new Error(`${SEED_FILE} does not parse`);
  const results = [];
  for (const size of values.sizes.split(',').map(Number)) {
    results.push(await measureDictionary(synthetic(seed.transcript, size)));
  }
  console.log(dictionaryTable(results));
}
