/**
 * `npm run import -- <chinese-file> <english-file> [--out …] [--title …]
 * [--date …] [--media …] [--slug …]`: writes a transcript from two records
 * of one event (src/lib/import/import.ts), or prints every problem as
 * `file:line: message` and writes nothing. Exits 1 on a problem.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importTranscript, type ImportOptions } from '../src/lib/import/import.ts';
import { decodeUtf8 } from '../src/lib/transcript/encoding.ts';
import { MAX_FILE_BYTES } from '../src/lib/transcript/files.ts';
import { formatProblem, type FileMessage } from '../src/lib/transcript/problem.ts';
import { frontMatterSchema, type Transcript } from '../src/lib/transcript/schema.ts';
import { SLUG, suggestSlug } from '../src/lib/transcript/slug.ts';
import { speakersInOrder } from '../src/lib/transcript/speakers.ts';
import { formatTime } from '../src/lib/transcript/times.ts';

const USAGE =
  'usage: npm run import -- <chinese-file> <english-file> [--out <path>] [--title <title>] [--date YYYY-MM-DD] [--media <address>] [--slug <slug>]';
const TRANSCRIPTS = 'content/transcripts';

/** A mistake in how the command was called: told in one line, with how to call it. */
class UsageError extends Error {}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`import: ${error.message}\n${USAGE}`);
  process.exitCode = 2;
}

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        media: { type: 'string' },
        slug: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    throw new UsageError(
      `give two files, the Chinese one and then the English one (${positionals.length} given)`,
    );
  }
  const [zhFile, enFile] = positionals as [string, string];
  const options = checkOptions(values, enFile);
  const inputs = await Promise.all([readInput(zhFile), readInput(enFile)]);
  const unread = inputs.flatMap((input) => ('problem' in input ? [input.problem] : []));
  if (await exists(options.out)) {
    unread.push({
      file: options.out,
      line: 1,
      message:
        'this file exists already, and import never overwrites one: give another --slug or --out, or move the file away',
    });
  }
  if (unread.length > 0) return report(unread);
  const [zh, en] = inputs as [{ file: string; text: string }, { file: string; text: string }];
  const result = await importTranscript(zh, en, options);
  if (!result.ok) return report(result.problems);
  try {
    await writeFile(options.out, result.markdown, { flag: 'wx' });
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return report([
      {
        file: options.out,
        line: 1,
        message: `could not be written (${reason}): check that its folder exists and can be written to`,
      },
    ]);
  }
  console.log(summary(options.out, result.transcript));
  return 0;
}

/** The options checked as the build would check the front matter, so no transcript is written that it refuses. */
function checkOptions(
  values: { out?: string; title?: string; date?: string; media?: string; slug?: string },
  enFile: string,
): ImportOptions {
  const { out, title, date, media } = values;
  const slug =
    values.slug ??
    (out ? path.basename(out, '.md') : suggestSlug(title ?? path.parse(enFile).name));
  if (!SLUG.test(slug)) {
    throw new UsageError(
      `${quoteOption(slug)} cannot be a transcript's slug, which uses only a-z, 0-9 and -: give one with --slug${suggestSlug(slug) ? `, such as ${suggestSlug(slug)}` : ''}`,
    );
  }
  const fields = { title, date, media };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const field = frontMatterSchema.shape[name as keyof typeof fields].safeParse(value);
    if (!field.success)
      throw new UsageError(`--${name} ${quoteOption(value)} ${field.error.issues[0]!.message}`);
  }
  return {
    slug,
    out: out ?? path.join(TRANSCRIPTS, `${slug}.md`),
    ...(title !== undefined && { title }),
    ...(date !== undefined && { date }),
    ...(media !== undefined && { media }),
  };
}

function quoteOption(value: string): string {
  return JSON.stringify(value);
}

async function readInput(
  file: string,
): Promise<{ file: string; text: string } | { problem: FileMessage }> {
  const at = (message: string, line = 1) => ({ problem: { file, line, message } });
  let bytes: Buffer;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_FILE_BYTES) {
      return at(
        `this file holds ${size.toLocaleString('en-US')} bytes, more than a transcript may (${MAX_FILE_BYTES.toLocaleString('en-US')}): split the recording's records into several files`,
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    return at(
      code === 'ENOENT'
        ? 'no such file: check its path'
        : `cannot be read (${code || String(error)})`,
    );
  }
  const decoded = decodeUtf8(bytes);
  return decoded.ok
    ? { file, text: decoded.text }
    : at(decoded.problem.message, decoded.problem.line);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function report(problems: readonly FileMessage[]): number {
  for (const problem of problems) console.error(formatProblem(problem));
  const count = problems.length;
  console.error(`${count} problem${count === 1 ? '' : 's'}: nothing written`);
  return 1;
}

/** "Wrote …: 6 turns, 3 speakers (Mao Ning 毛宁, …), times 0:01 to 1:05." */
function summary(out: string, transcript: Transcript): string {
  const keys = speakersInOrder(transcript.turns);
  const names = keys.map((key) => {
    const { zh } = transcript.speakers[key]!.name;
    return zh === key ? key : `${key} ${zh}`;
  });
  const starts = transcript.turns.flatMap((turn) => (turn.start === undefined ? [] : [turn.start]));
  const times =
    starts.length === 0
      ? 'no times'
      : `${starts.length} timed, ${formatTime(starts[0]!)} to ${formatTime(starts.at(-1)!)}`;
  const turns = transcript.turns.length;
  return `Wrote ${out}: ${turns} turn${turns === 1 ? '' : 's'} (${times}), ${keys.length} speaker${keys.length === 1 ? '' : 's'} (${names.join(', ')}).`;
}
