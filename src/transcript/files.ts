/**
 * Reads every transcript of a folder and parses it: the one place that
 * knows transcripts live in files.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTranscript } from './parse.ts';
import { compareProblems, ContentError, type Problem } from './problem.ts';
import type { Transcript } from './schema.ts';
import { SLUG, suggestSlug } from './slug.ts';

export interface TranscriptFile {
  slug: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** The file's text, for change detection. */
  source: string;
  transcript: Transcript;
}

export interface ReadResult {
  transcripts: TranscriptFile[];
  problems: Problem[];
  warnings: Problem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads `<folder>/*.md`; paths in messages are relative to `root`. */
export async function readTranscripts(folder: string, root: string): Promise<ReadResult> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing) throw error;
    const where = path.relative(root, folder) || folder;
    throw new ContentError(`There is no folder ${where}: create it and put the transcripts in it.`);
  });
  const names = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort();

  const transcripts: TranscriptFile[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];

  for (const name of names) {
    const file = path.relative(root, path.join(folder, name)).split(path.sep).join('/');
    const slug = name.slice(0, -'.md'.length);
    const fail = (message: string) => problems.push({ file, line: 1, message });

    if (!SLUG.test(slug)) {
      const suggestion = suggestSlug(slug);
      fail(
        `the file name \`${name}\` is not a valid slug: use only a-z, 0-9 and -, e.g. \`${suggestion || 'my-transcript'}.md\``,
      );
    }

    let source: string;
    try {
      source = utf8.decode(await readFile(path.join(folder, name)));
    } catch {
      fail('this file is not UTF-8 text: save it with the UTF-8 encoding and build again');
      continue;
    }

    const result = parseTranscript(source, { file, slug });
    if (result.ok) {
      transcripts.push({ slug, file, source, transcript: result.transcript });
      warnings.push(...result.warnings);
    } else {
      problems.push(...result.problems);
    }
  }

  return { transcripts, problems: problems.sort(compareProblems), warnings };
}
