/**
 * Reads every transcript of a folder and parses it: the one place that
 * knows transcripts live in files. The build's content loader and
 * `npm run check` both call readTranscripts, so they report the same.
 * Whatever the folder holds (links, folders, devices, huge or unreadable
 * files), each file ends as a transcript or as a problem with its place.
 */
import { constants, statSync, type Dirent } from 'node:fs';
import { open, readdir, readlink, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8 } from './encoding.ts';
import { parseTranscript, type SiteFiles } from './parse.ts';
import { ContentError } from './content-error.ts';
import { compareProblems, type Problem, type Warning } from './problem.ts';
import { escapeForTerminal } from './quote.ts';
import type { Transcript } from './schema.ts';
import { checkFileNames, isNearTranscriptName } from './slug.ts';

export interface TranscriptFile {
  slug: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** The file's text, for change detection. */
  source: string;
  transcript: Transcript;
}

export interface ReadOptions {
  /**
   * Whether a file's text is the one parsed last time, so that it need not
   * be parsed again. Such a file is still read and decoded, and its name
   * checked; its slug goes to `unchanged` instead of its transcript to
   * `transcripts`, and it gives no warnings. Default: every file is parsed.
   */
  isUnchanged?: (slug: string, source: string) => boolean;
  /**
   * Takes each transcript as soon as it is parsed, instead of `transcripts`
   * keeping it (which then stays empty): a folder of thousands is never in
   * memory at once. Awaited before the next file is read. Default: kept.
   */
  onParsed?: (transcript: TranscriptFile) => void | Promise<void>;
  /**
   * The folder of files the site serves as they are (Astro's `publicDir`),
   * in which a `media` path under the site must name a file. Default: not
   * checked (a folder of transcripts read for their text alone).
   */
  publicFolder?: string;
}

export interface ReadResult {
  /** Every transcript file found, good or bad, relative to the project root; `x.MD` too. */
  files: string[];
  /** The transcripts parsed, in file order; empty with `onParsed`, which took them. */
  transcripts: TranscriptFile[];
  /** Slugs of the files `isUnchanged` accepted, in file order: read, but not parsed. */
  unchanged: string[];
  problems: Problem[];
  warnings: Warning[];
}

/**
 * Far above any transcript (the seed, 46 turns, is 55 kB; parsing takes
 * about a second per megabyte): a bigger file is a mistake, or not a
 * transcript, and is not read into memory at all.
 */
export const MAX_FILE_BYTES = 5_000_000;

/** Reads `<folder>/*.md`; paths in messages are relative to `root`. */
export async function readTranscripts(
  folder: string,
  root: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const where = path.relative(root, folder) || folder;
  const entries = await listFolder(folder, where);
  const insideFolder = await realpath(folder);
  const named = entries.filter(
    (entry) => entry.name.endsWith('.md') || isNearTranscriptName(entry.name),
  );
  const transcriptEntries = named.filter((entry) => entry.name.endsWith('.md'));

  const fileOf = (name: string) =>
    path.relative(root, path.join(folder, name)).split(path.sep).join('/');
  const transcripts: TranscriptFile[] = [];
  const unchanged: string[] = [];
  const problems: Problem[] = checkFileNames(named.map((entry) => entry.name)).map(
    ({ name, message }) => ({ file: fileOf(name), line: 1, message }),
  );
  const warnings: Warning[] = [];
  const siteFiles = options.publicFolder && siteFilesIn(options.publicFolder, root);

  for (const entry of transcriptEntries) {
    const file = fileOf(entry.name);
    const slug = entry.name.slice(0, -'.md'.length);

    const read = await readSource(entry, folder, insideFolder, where);
    if (!read.ok) {
      problems.push({ file, line: 1, message: read.message });
      continue;
    }
    const decoded = decodeUtf8(read.bytes);
    if (!decoded.ok) {
      problems.push({ file, ...decoded.problem });
      continue;
    }
    if (options.isUnchanged?.(slug, decoded.text)) {
      unchanged.push(slug);
      continue;
    }

    const result = parseTranscript(decoded.text, {
      file,
      slug,
      ...(siteFiles && { siteFiles }),
    });
    if (result.ok) {
      const parsed = { slug, file, source: decoded.text, transcript: result.transcript };
      if (options.onParsed) await options.onParsed(parsed);
      else transcripts.push(parsed);
      warnings.push(...result.warnings);
    } else {
      problems.push(...result.problems);
    }
  }

  return {
    files: named.map((entry) => fileOf(entry.name)),
    transcripts,
    unchanged,
    problems: problems.sort(compareProblems),
    warnings: warnings.sort(compareProblems),
  };
}

/** The files of `folder` as a site serves them: a path under the site names a file there, and nothing outside it. */
export function siteFilesIn(folder: string, root: string): SiteFiles {
  return {
    folder: path.relative(root, folder).split(path.sep).join('/') || '.',
    has: (sitePath) => {
      const file = path.resolve(folder, `.${sitePath}`);
      const inside = path.relative(folder, file);
      if (inside.startsWith('..') || path.isAbsolute(inside)) return false;
      return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
    },
  };
}

/** The folder's entries, sorted by name; a folder that cannot be listed stops everything, with why. */
async function listFolder(folder: string, where: string): Promise<Dirent[]> {
  const shown = escapeForTerminal(where);
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    // By UTF-16 code unit, as the messages are sorted: `B.md` before `a.md`.
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentError(
      code === 'ENOENT'
        ? `There is no folder ${shown}: create it and put the transcripts in it.`
        : code === 'ENOTDIR'
          ? `${shown} is a file, not a folder: name the folder that holds the transcripts.`
          : `The folder ${shown} cannot be read (${describeError(error)}): check that you may read it.`,
    );
  }
}

type Read = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * A file's bytes, or why they cannot be had. A symbolic link is followed
 * only to a regular file inside the folder: a link elsewhere would publish
 * whatever it points to, and a link to a device could be endless.
 */
async function readSource(
  entry: Dirent,
  folder: string,
  insideFolder: string,
  where: string,
): Promise<Read> {
  const full = path.join(folder, entry.name);
  let target = full;
  let link = '';
  if (entry.isSymbolicLink()) {
    const pointsTo = escapeForTerminal(await readlink(full).catch(() => '?'));
    link = `a symbolic link to \`${pointsTo}\`, `;
    try {
      target = await realpath(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        ok: false,
        message:
          code === 'ENOENT'
            ? `this file is a symbolic link to \`${pointsTo}\`, which does not exist: point it at a transcript in ${escapeForTerminal(where)}, or delete it`
            : code === 'ELOOP'
              ? `this file is a symbolic link to \`${pointsTo}\`, which leads back to itself through other links: point it at a transcript, or delete it`
              : `this file is a symbolic link to \`${pointsTo}\`, which cannot be followed (${describeError(error)}): point it at a transcript, or delete it`,
      };
    }
    const fromFolder = path.relative(insideFolder, target);
    // `..draft.md` is a name inside the folder; `../draft.md` is outside it.
    const outside = fromFolder === '..' || fromFolder.startsWith(`..${path.sep}`);
    if (outside || path.isAbsolute(fromFolder)) {
      const resolved = escapeForTerminal(target);
      const also = resolved === pointsTo ? '' : ` (that is, \`${resolved}\`)`;
      return {
        ok: false,
        message: `this file is a symbolic link to \`${pointsTo}\`${also}, outside ${escapeForTerminal(where)}: only links to files inside the transcripts folder are followed; move or copy the transcript into it instead`,
      };
    }
  }

  let handle: FileHandle | undefined;
  try {
    // Non-blocking, so that opening a named pipe does not wait for a writer; it is refused below.
    handle = await open(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) {
      const what = stats.isDirectory() ? 'a folder' : 'a device, pipe or socket';
      return {
        ok: false,
        message: link
          ? `this file is ${link}which is ${what}, not a file: point it at a transcript, or delete it`
          : `this is ${what}, not a file: a name ending in \`.md\` is read as a transcript, so rename it or move it out of ${escapeForTerminal(where)}`,
      };
    }
    // The size is checked again while reading: a file may grow after stat, or report none.
    const bytes =
      stats.size > MAX_FILE_BYTES ? undefined : await readAtMost(handle, MAX_FILE_BYTES);
    if (bytes === undefined || bytes.length > MAX_FILE_BYTES) {
      const size = Math.max(stats.size, bytes?.length ?? 0);
      // "5,000,001 bytes" where "5 MB" would read as the limit itself.
      const shown =
        megabytes(size) === megabytes(MAX_FILE_BYTES)
          ? `${size.toLocaleString('en')} bytes`
          : megabytes(size);
      return {
        ok: false,
        message: `this file is ${shown}, more than the ${megabytes(MAX_FILE_BYTES)} a transcript may be: split it into several transcripts, or, if it is not a transcript, move it out of ${escapeForTerminal(where)}`,
      };
    }
    return { ok: true, bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') {
      return {
        ok: false,
        message: `this is ${link}a folder, not a file: rename it or move it out of ${escapeForTerminal(where)}`,
      };
    }
    return {
      ok: false,
      message:
        code === 'EACCES' || code === 'EPERM'
          ? `this file cannot be read: you are not allowed to read it (${code}); give yourself read permission, e.g. \`chmod u+r\``
          : `this file cannot be read (${describeError(error)}): check the file and the disk it is on`,
    };
  } finally {
    await handle?.close();
  }
}

/** Up to `limit + 1` bytes: one more than allowed is enough to know the file is too big. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = new Uint8Array(Math.min(1 << 20, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks);
}

/** "5 MB", "12.3 MB": counted in 1,000s, as the benchmark's budgets are. */
function megabytes(bytes: number): string {
  const value = bytes / 1_000_000;
  return `${value.toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/** "EACCES: permission denied", without the path and system call Node adds. */
function describeError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const reason = message.replace(/^\w+: /, '').replace(/,.*$/, '');
  return escapeForTerminal(code ? `${code}: ${reason}` : reason);
}
