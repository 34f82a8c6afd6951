/**
 * The site index's files: what they hold, that the same site always gives
 * the same bytes, that a query's bytes do not grow with the site, and that
 * a missing or broken file is named when it stops a search.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import type { Language } from '../../src/lib/transcript/language.ts';
import {
  decodeBlock,
  decodeList,
  documentOf,
  encodeBlock,
  encodeList,
  MANIFEST,
  packHeaderPath,
  type Manifest,
} from '../../src/lib/search/site-index/format.ts';
import {
  readManifest,
  SiteIndexReader,
  type IndexSource,
} from '../../src/lib/search/site-index/reader.ts';
import { searchIndex } from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { createRandom } from '../support/random.ts';
import {
  memoryIndex,
  record,
  serve,
  writeIndex,
  type IndexFiles,
} from '../support/memory-index.ts';

const panel = record('panel', [
  ['Moderator', '欢迎大家。', 'Welcome, everyone.'],
  ['Josh', '我觉得模型应该更诚实。', 'I think models should be more honest.'],
]);

function manifestOf(files: IndexFiles): Manifest {
  return readManifest(JSON.parse(files.get(MANIFEST) as string));
}

/** The paths of a folder of the index. */
const inFolder = (files: IndexFiles, folder: string) =>
  [...files.keys()].filter((path) => path.startsWith(`${folder}/`));

/** A source over index files that a test may break: `broken` answers a path instead when it can. */
function sourceOf(
  files: IndexFiles,
  broken: (path: string) => string | undefined = () => undefined,
) {
  return {
    text: async (path) => broken(path) ?? (files.get(path) as string),
    range: async (path, _version, start, end) =>
      (files.get(path) as Uint8Array).subarray(start, end),
  } satisfies IndexSource;
}

/**
 * A site of `transcripts` generated transcripts of 20 turns, each text 40
 * words drawn from a vocabulary of 3,000 (Zipf-like: a few words in most
 * turns, most words in few) and 30 Han characters from 600.
 */
function generatedSite(transcripts: number): SearchRecord[] {
  const random = createRandom(7);
  const word = () => `w${Math.floor(3000 ** random())}`;
  const han = () => String.fromCodePoint(0x4e00 + Math.floor(600 ** random()));
  const text = (count: number, piece: () => string, join: string) =>
    Array.from({ length: count }, piece).join(join);
  return Array.from({ length: transcripts }, (_, t) =>
    record(
      `t${t}`,
      Array.from({ length: 20 }, (_, i) => [
        `Speaker ${(t * 3 + i) % 40}`,
        text(30, han, ''),
        text(40, word, ' '),
      ]),
    ),
  );
}

describe('the site index’s files', () => {
  it('writes a manifest, the shards, and each turn’s texts, read back as they were', async () => {
    const files = writeIndex([panel]);
    expect(manifestOf(files)).toMatchObject({ transcripts: 1, turns: 2, documents: 4 });
    const reader = serve(files).reader;
    expect(await reader.fragment(documentOf(1, 'zh'))).toEqual({
      slug: 'panel',
      title: { en: 'Transcript panel', zh: 'Transcript panel' },
      speaker: 'Josh',
      name: { en: 'Josh', zh: 'Josh' },
      turn: 2,
      text: '我觉得模型应该更诚实。',
      bytes: expect.any(Number),
    });
    expect(await reader.fragment(documentOf(1, 'en'))).toMatchObject({
      turn: 2,
      text: 'I think models should be more honest.',
    });
    // Two turns: one pack, its header and its texts.
    expect(inFolder(files, 'f')).toEqual([packHeaderPath(0)]);
    expect(inFolder(files, 't')).toEqual(['t/0.bin']);
    const { shards } = manifestOf(files);
    expect(inFolder(files, 's')).toHaveLength(shards);
  });

  it('packs many turns a file: a header per 16 turns, and the texts and lists in a few files', () => {
    const site = generatedSite(100);
    const files = writeIndex(site);
    const turns = site.length * 20;
    expect(inFolder(files, 'f')).toHaveLength(turns / 16);
    expect(inFolder(files, 't')).toHaveLength(Math.ceil(turns / 16 / 64));
    const { shards } = manifestOf(files);
    expect(inFolder(files, 'p').length).toBeLessThanOrEqual(Math.ceil(shards / 16));
  });

  it('writes postings as runs of one weight, documents ascending within a run', () => {
    const postings = [
      { document: 4, weight: 90 },
      { document: 9, weight: 90 },
      { document: 1, weight: 40 },
    ];
    expect(encodeBlock(postings)).toEqual([
      [90, 4, 5],
      [40, 1],
    ]);
    expect(decodeBlock(encodeBlock(postings))).toEqual(postings);
  });

  it('writes a whole list as the gaps between its turns, and reads back its start', () => {
    const english = [1, 3, 301, 100_001];
    const bytes = encodeList(english);
    // 0, 1, 149 and 49,850 turns apart: one byte, one, two and three.
    expect(bytes).toHaveLength(7);
    expect(decodeList(bytes, 'en')).toEqual(english);
    expect(decodeList(encodeList([0, 4]), 'zh')).toEqual([0, 4]);
    expect(decodeList(bytes.subarray(0, 5), 'en', true)).toEqual([1, 3, 301]);
    expect(() => decodeList(bytes.subarray(0, 5), 'en')).toThrow(
      'a list of postings should not end inside a number',
    );
  });

  it('gives byte-identical files for the same site, and a new version for a changed one', () => {
    const site = generatedSite(20);
    const first = writeIndex(site);
    expect(writeIndex(site)).toEqual(first);
    const edited = structuredClone(site);
    edited[3]!.turns[5]!.en += ' edited';
    const second = writeIndex(edited);
    expect(manifestOf(second).version).not.toBe(manifestOf(first).version);
  });

  it('writes a valid empty index for a site without transcripts, where nothing is found', async () => {
    const index = memoryIndex([]);
    expect([...index.files.keys()].sort()).toEqual([MANIFEST, 's/0.json']);
    expect(manifestOf(index.files)).toMatchObject({ turns: 0, shards: 1, terms: 0 });
    const outcome = await searchIndex(index.reader, parseQuery('anything')!, {});
    expect(outcome).toMatchObject({ hits: [], more: false });
  });
});

describe('the site index at scale', () => {
  const sizes = [10, 400].map((transcripts) => {
    const files = writeIndex(generatedSite(transcripts));
    const shards = inFolder(files, 's').map(
      (path) => gzipSync(files.get(path) as string, { level: 9 }).length,
    );
    return { transcripts, files, largest: Math.max(...shards) };
  });

  it('grows the shard count with the site, so a shard stays a few KB', () => {
    const [few, many] = sizes;
    expect(manifestOf(many!.files).shards).toBeGreaterThan(manifestOf(few!.files).shards);
    for (const { largest } of sizes) expect(largest).toBeLessThan(4_000);
  });

  it('fetches about the same bytes for a query on a site 40 times as large', async () => {
    const bytes = [];
    for (const { files } of sizes) {
      const index = serve(files);
      // A common word with a rarer one, and a Chinese pair.
      for (const query of ['w1 w40', '丁丂']) {
        await searchIndex(index.reader, parseQuery(query)!, {});
      }
      bytes.push(index.gzipBytes());
    }
    const [few, many] = bytes;
    expect(many!).toBeLessThan(few! * 2);
    expect(many!).toBeLessThan(50_000);
  });
});

describe('the site index’s failures', () => {
  const files = writeIndex([panel]);

  it('rejects with the file’s name when a file cannot be loaded, and tries it again later', async () => {
    let broken = true;
    const reader = new SiteIndexReader({
      ...sourceOf(files),
      text: async (path) => {
        if (broken && path.startsWith('s/')) throw new Error('503 Service Unavailable');
        return files.get(path) as string;
      },
    });
    const search = () => searchIndex(reader, parseQuery('honest')!, {});
    await expect(search()).rejects.toThrow(
      /^The search index file search\/s\/\d+\.json could not be loaded: 503 Service Unavailable$/,
    );
    broken = false;
    expect((await search()).hits).toHaveLength(1);
  });

  it('rejects with the file’s name when a file is not what the format says', async () => {
    const header = JSON.parse(files.get(packHeaderPath(0)) as string);
    const noStart = JSON.stringify({ ...header, start: undefined });
    const reader = new SiteIndexReader(
      sourceOf(files, (path) => (path === packHeaderPath(0) ? noStart : undefined)),
    );
    await expect(searchIndex(reader, parseQuery('honest')!, {})).rejects.toThrow(
      'The search index file search/f/0.json is not valid: a pack should be { start, transcripts, turns }',
    );
    const notJson = new SiteIndexReader(
      sourceOf(files, (path) => (path === MANIFEST ? '<!doctype html>' : undefined)),
    );
    await expect(searchIndex(notJson, parseQuery('x')!, {})).rejects.toThrow(
      /^The search index file search\/index\.json is not valid: /,
    );
  });

  it('rejects with the file’s name when a range comes back short', async () => {
    const reader = new SiteIndexReader({
      ...sourceOf(files),
      range: async (path, _version, start, end) =>
        (files.get(path) as Uint8Array).subarray(start, end - 1),
    });
    await expect(searchIndex(reader, parseQuery('honest')!, {})).rejects.toThrow(
      /^The search index file search\/t\/0\.bin could not be loaded: bytes \d+-\d+ came as \d+ bytes$/,
    );
  });

  it('refuses an index of another format', () => {
    const manifest = { ...manifestOf(files), format: 99 };
    expect(() => readManifest(manifest)).toThrow('its format is 99, this page reads format 4');
  });
});
