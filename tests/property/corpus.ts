/**
 * The transcripts the generators mutate: every `.md` file of the corpus
 * folders, all valid, shortest first, so that fast-check, which shrinks a
 * choice towards the first one, shrinks a counterexample to the shortest file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Folders of valid transcripts, relative to the project root. */
export const CORPUS_FOLDERS = [
  'tests/fixtures/transcripts/good',
  'tests/fixtures/corpus/transcripts',
];

export interface CorpusFile {
  /** Path relative to the project root, as messages name it. */
  file: string;
  slug: string;
  source: string;
}

export const corpus: readonly CorpusFile[] = CORPUS_FOLDERS.flatMap((folder) =>
  readdirSync(path.join(ROOT, folder))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({
      file: path.posix.join(folder, name),
      slug: name.slice(0, -'.md'.length),
      source: readFileSync(path.join(ROOT, folder, name), 'utf8'),
    })),
).sort((a, b) => a.source.length - b.source.length);
