/**
 * The spike's transcripts: the seed and N − 1 synthetic ones from
 * bench/generate.ts, each parsed with the site's parser, as the build
 * would. Parsing thousands of files takes minutes, so each size is parsed
 * once and kept as JSON lines (one transcript a line) in the work folder;
 * the indexer processes stream it, holding one transcript at a time.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PRNG_SEED, synthesize } from '../generate.ts';
import { readTranscripts } from '../../src/lib/transcript/files.ts';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { createRandom } from '../../tests/support/random.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SEED_SLUG = 'alignment-panel';

export interface Entry {
  slug: string;
  transcript: Transcript;
}

export async function loadSeed(): Promise<Entry> {
  const { transcripts, problems } = await readTranscripts(
    path.join(ROOT, 'content/transcripts'),
    ROOT,
  );
  const found = transcripts.find((file) => file.slug === SEED_SLUG);
  if (!found) {
    throw new Error(`the seed ${SEED_SLUG}.md does not parse: ${problems.length} problems`);
  }
  return { slug: SEED_SLUG, transcript: found.transcript };
}

/** The corpus file of size `count`, written first when it is not there yet. */
export async function corpusFile(work: string, count: number): Promise<string> {
  const file = path.join(work, `corpus-${count}.jsonl`);
  if (existsSync(file)) return file;
  await mkdir(work, { recursive: true });
  const seed = await loadSeed();
  const random = createRandom(PRNG_SEED);
  const lines = [JSON.stringify(seed)];
  for (let index = 1; index < count; index++) {
    const { slug, text } = synthesize(seed.transcript, index, random);
    const parsed = parseTranscript(text, { file: `${slug}.md`, slug });
    if (!parsed.ok) {
      throw new Error(`synthetic ${slug}.md does not parse: ${parsed.problems[0]?.message}`);
    }
    lines.push(JSON.stringify({ slug, transcript: parsed.transcript } satisfies Entry));
  }
  // Written under another name first: an interrupted run leaves no half a corpus behind.
  await writeFile(`${file}.partial`, `${lines.join('\n')}\n`);
  await rename(`${file}.partial`, file);
  return file;
}

export async function* readCorpus(file: string): AsyncGenerator<Entry> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as Entry;
}
