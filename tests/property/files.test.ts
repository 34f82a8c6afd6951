/**
 * readTranscripts, the one reader behind the build's loader and `npm run
 * check`, on generated folders: it adds nothing to the parser and loses
 * nothing, and places the problems it finds itself (encodings, file names).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readTranscripts } from '../../src/lib/transcript/files.ts';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import type { FileMessage } from '../../src/lib/transcript/problem.ts';
import { corpus } from './corpus.ts';
import { linesOf } from './expected.ts';
import { mutatedFile, type Sample } from './mutations.ts';
import { FILE_RUNS, parameters, timeout } from './settings.ts';
import { show } from './show.ts';

const base = mkdtempSync(path.join(tmpdir(), 'duet-property-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let folders = 0;
/** A new folder under `base` holding `files` (name → bytes), removed once `use` is done with it. */
async function withFolder<T>(
  files: ReadonlyMap<string, Uint8Array | string>,
  use: (folder: string) => Promise<T>,
): Promise<T> {
  const folder = path.join(base, `folder-${++folders}`);
  mkdirSync(folder);
  try {
    for (const [name, content] of files) writeFileSync(path.join(folder, name), content);
    return await use(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const relative = (folder: string, name: string) => `${path.basename(folder)}/${name}`;

/** File, then line, then column: the order every report reads in. */
function byPlace(a: FileMessage, b: FileMessage): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

const SLUG_CHARACTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789-'];
/** The contract's slug: `a-z`, `0-9` and `-`, with a letter or digit (a name of hyphens has no title). */
const IS_SLUG = /^(?=.*[a-z0-9])[a-z0-9-]+$/;
const slug = fc
  .string({ unit: fc.constantFrom(...SLUG_CHARACTERS), minLength: 1, maxLength: 12 })
  .filter((name) => IS_SLUG.test(name));

describe('readTranscripts on generated folders', () => {
  it(
    'reads each file as parseTranscript reads its text',
    async () => {
      const folder = fc.uniqueArray(fc.tuple(slug, mutatedFile), {
        minLength: 1,
        maxLength: 4,
        selector: ([name]) => name,
      });
      await fc.assert(
        fc.asyncProperty(folder, async (entries) => {
          const files = new Map(entries.map(([name, sample]) => [`${name}.md`, sample.source]));
          await withFolder(files, async (where) => {
            const read = await readTranscripts(where, base);
            const names = [...files.keys()].sort();
            const results = names.map((name) => {
              const file = relative(where, name);
              const slug = name.slice(0, -'.md'.length);
              return {
                file,
                slug,
                source: files.get(name)!,
                result: parseTranscript(files.get(name)!, { file, slug }),
              };
            });
            expect(read.files).toEqual(results.map(({ file }) => file));
            expect(read.problems).toEqual(
              results.flatMap(({ result }) => (result.ok ? [] : result.problems)).sort(byPlace),
            );
            expect(read.warnings).toEqual(
              results.flatMap(({ result }) => (result.ok ? result.warnings : [])).sort(byPlace),
            );
            expect(read.transcripts).toEqual(
              results.flatMap(({ file, slug, source, result }) =>
                result.ok ? [{ slug, file, source, transcript: result.transcript }] : [],
              ),
            );
          });
        }),
        parameters(FILE_RUNS),
      );
    },
    timeout(FILE_RUNS),
  );

  it(
    'places every problem of a file that is not UTF-8 on one of its lines, and keeps it from the site',
    async () => {
      await fc.assert(
        fc.asyncProperty(notUtf8, async (bytes) => {
          await withFolder(new Map([['sample.md', bytes.bytes]]), async (where) => {
            const read = await readTranscripts(where, base);
            const valid = isUtf8(bytes.bytes);
            if (!valid) {
              expect(read.transcripts).toEqual([]);
              expect(read.problems.length).toBeGreaterThan(0);
            }
            const lines = linesOf(
              new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.bytes),
            );
            for (const problem of read.problems) {
              const where = `${problem.line}:${problem.column}: ${show(problem.message)}`;
              expect(problem.line, where).toBeGreaterThanOrEqual(1);
              expect(problem.line, where).toBeLessThanOrEqual(lines.length);
              if (problem.column === undefined) continue;
              expect(problem.column, where).toBeGreaterThanOrEqual(1);
              expect(problem.column, where).toBeLessThanOrEqual(
                [...lines[problem.line - 1]!].length + 1,
              );
            }
          });
        }),
        parameters(FILE_RUNS),
      );
    },
    timeout(FILE_RUNS),
  );

  it(
    'names each file whose name is not a slug, once, on line 1, with a free slug to use',
    async () => {
      const names = fc.uniqueArray(fileName, { minLength: 1, maxLength: 5 });
      const source = corpus[0]!.source;
      await fc.assert(
        fc.asyncProperty(names, async (stems) => {
          const files = new Map(stems.map((stem) => [`${stem}.md`, source]));
          await withFolder(files, async (where) => {
            const { problems } = await readTranscripts(where, base);
            const invalid = stems
              .filter((stem) => !IS_SLUG.test(stem))
              .map((stem) => relative(where, `${stem}.md`));
            expect(problems.map((problem) => problem.file)).toEqual(invalid.sort());
            for (const problem of problems) {
              expect(problem.line).toBe(1);
              // The name it suggests is the last `….md` it quotes.
              const suggested = [...problem.message.matchAll(/`([^`]*)\.md`/g)].at(-1)?.[1];
              expect(suggested, problem.message).toMatch(IS_SLUG);
              expect(stems, problem.message).not.toContain(suggested);
            }
          });
        }),
        parameters(FILE_RUNS),
      );
    },
    timeout(FILE_RUNS),
  );
});

/** File names without `.md` as authors type them: capitals, spaces, accents, CJK, dots. */
const fileName = fc
  .string({
    unit: fc.oneof(
      { arbitrary: fc.constantFrom(...SLUG_CHARACTERS), weight: 6 },
      { arbitrary: fc.constantFrom(..."ABCZ _.,()&'é中文"), weight: 2 },
      { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 1 },
    ),
    minLength: 1,
    maxLength: 16,
  })
  // What a Linux file name cannot be: a path separator, NUL, `.` or `..`, over 255 bytes.
  .filter((stem) => !/[/\u0000]/.test(stem) && Buffer.byteLength(`${stem}.md`) <= 255);

/** A file's bytes, printed readably. */
class Bytes {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  [fc.toStringMethod](): string {
    return `bytes ${Buffer.from(this.bytes).toString('hex').replace(/(..)/g, '$1 ').trim()}`;
  }
}

/** Byte sequences UTF-8 never has, and the encodings authors save in by mistake. */
const BAD_BYTES = [
  [0xff],
  [0xfe],
  [0x80],
  [0xc3],
  [0xe4, 0xbd],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xef, 0xbf, 0xbd],
];

const notUtf8: fc.Arbitrary<Bytes> = fc
  .tuple(
    mutatedFile,
    fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_BYTES)), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constantFrom('utf-16le' as const, 'utf-16be' as const, 'latin-1' as const),
      }),
    ),
  )
  .map(([sample, change]) => new Bytes(encode(sample, change)));

type ByteChange =
  | { kind: 'insert'; edits: [number, number[]][] }
  | { kind: 'truncate'; at: number }
  | { kind: 'utf-16le' | 'utf-16be' | 'latin-1' };

function encode(sample: Sample, change: ByteChange): Uint8Array {
  const utf8 = Buffer.from(sample.source, 'utf8');
  switch (change.kind) {
    case 'insert': {
      let bytes = utf8;
      for (const [at, inserted] of change.edits) {
        const offset = at % (bytes.length + 1);
        bytes = Buffer.concat([
          bytes.subarray(0, offset),
          Buffer.from(inserted),
          bytes.subarray(offset),
        ]);
      }
      return bytes;
    }
    case 'truncate':
      return utf8.subarray(0, change.at % (utf8.length + 1));
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample.source, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        Buffer.from(sample.source, 'utf16le').swap16(),
      ]);
    case 'latin-1':
      return Buffer.from(sample.source, 'latin1');
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
