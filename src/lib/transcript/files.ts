/**
 * Reads every transcript of a folder and parses it: the one place that
 * knows transcripts live in files. The build's content loader and
 * `npm run check` both call readTranscripts, so they report the same.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8 } from './encoding.ts';
import { parseTranscript } from './parse.ts';
import { ContentError } from './content-error.ts';
import { compareProblems, type Problem } from './problem.ts';
import type { Transcript } from './schema.ts';
import { checkFileNames } from './slug.ts';

export interface TranscriptFile {
  slug: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** The file's text, for change detection. */
  source: string;
  transcript: Transcript;
}

export interface ReadResult {
  /** Every file read, good or bad, relative to the project root. */
  files: string[];
  transcripts: TranscriptFile[];
  problems: Problem[];
  warnings: Problem[];
  /** Slugs of the files read but not parsed, because `isUnchanged` said so. */
  unchanged: string[];
}

export interface ReadOptions {
  /** A file this accepts is read and its name checked, but not parsed again. */
  isUnchanged?: (slug: string, source: string) => boolean;
}

/** Reads `<folder>/*.md`; paths in messages are relative to `root`. */
export async function readTranscripts(
  folder: string,
  root: string,
  { isUnchanged }: ReadOptions = {},
): Promise<ReadResult> {
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

  const fileOf = (name: string) =>
    path.relative(root, path.join(folder, name)).split(path.sep).join('/');
  const files = names.map(fileOf);
  const transcripts: TranscriptFile[] = [];
  const problems: Problem[] = checkFileNames(names).map(({ name, message }) => ({
    file: fileOf(name),
    line: 1,
    message,
  }));
  const warnings: Problem[] = [];
  const unchanged: string[] = [];

  for (const name of names) {
    const file = fileOf(name);
    const slug = name.slice(0, -'.md'.length);

    const decoded = decodeUtf8(await readFile(path.join(folder, name)));
    if (!decoded.ok) {
      problems.push({ file, ...decoded.problem });
      continue;
    }

    if (isUnchanged?.(slug, decoded.text)) {
      unchanged.push(slug);
      continue;
    }
    const result = parseTranscript(decoded.text, { file, slug });
    if (result.ok) {
      transcripts.push({ slug, file, source: decoded.text, transcript: result.transcript });
      warnings.push(...result.warnings);
    } else {
      problems.push(...result.problems);
    }
  }

  return {
    files,
    transcripts,
    problems: problems.sort(compareProblems),
    warnings: warnings.sort(compareProblems),
    unchanged,
  };
}
