/**
 * The content loader against a stand-in for Astro's loader context: each
 * file parsed once and stored with what pages and search need (the turns in
 * a file of their own), unchanged files skipped by digest, deleted ones
 * dropped, problems stopping the load with every message and changing
 * nothing.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { transcriptLoader } from '../../src/integrations/transcript-loader.ts';
import type { TranscriptData } from '../../src/collection/schema.ts';
import type { Turn } from '../../src/lib/transcript/schema.ts';
import { GOOD } from './helpers.ts';

/** A folder of copies of the good fixtures, which a test may change. */
function copyOfGood(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'duet-loader-'));
  for (const name of readdirSync(GOOD))
    copyFileSync(path.join(GOOD, name), path.join(folder, name));
  return folder;
}

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  filePath?: string;
}

/** Astro's store, meta store, logger and cache folder as far as a loader sees them, kept between loads. */
function fakeAstro() {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'duet-loader-cache-'));
  const entries = new Map<string, Entry>();
  const meta = new Map<string, string>();
  const parsed: string[] = [];
  const logged: string[] = [];
  const context = (folderRoot: string) =>
    ({
      collection: 'transcripts',
      config: {
        root: pathToFileURL(`${folderRoot}/`),
        cacheDir: pathToFileURL(`${cacheDir}/`),
        publicDir: pathToFileURL(`${folderRoot}/public/`),
      },
      store: {
        get: (id: string) => entries.get(id),
        set: (entry: Entry) => (entries.set(entry.id, entry), true),
        delete: (id: string) => entries.delete(id),
        clear: () => entries.clear(),
        keys: () => [...entries.keys()],
        has: (id: string) => entries.has(id),
      },
      meta: {
        get: (key: string) => meta.get(key),
        set: (key: string, value: string) => meta.set(key, value),
        has: (key: string) => meta.has(key),
        delete: (key: string) => meta.delete(key),
      },
      logger: {
        info: (message: string) => logged.push(`info ${message}`),
        warn: (message: string) => logged.push(`warn ${message}`),
        error: (message: string) => logged.push(`error ${message}`),
      },
      parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
        parsed.push(id);
        return data;
      },
      generateDigest: (source: string) => `${source.length}:${source}`,
    }) as unknown as LoaderContext;
  return { entries, parsed, logged, context, cacheDir };
}

const dataOf = (astro: ReturnType<typeof fakeAstro>, id: string) =>
  astro.entries.get(id)!.data as TranscriptData;

/** The turns of a stored entry, from the file it points to. */
const turnsOf = (astro: ReturnType<typeof fakeAstro>, id: string) =>
  JSON.parse(readFileSync(dataOf(astro, id).turnsFile, 'utf8')) as Turn[];

/** The files in the loader's folder of turns. */
const turnFiles = (astro: ReturnType<typeof fakeAstro>) =>
  readdirSync(path.join(astro.cacheDir, 'duet-transcripts')).sort();

async function load(astro: ReturnType<typeof fakeAstro>, folder: string) {
  astro.parsed.length = 0;
  astro.logged.length = 0;
  // The loader resolves its folder against the project root; give it the folder's parent.
  const loader = transcriptLoader({ base: path.basename(folder) });
  await loader.load(astro.context(path.dirname(folder)));
}

describe('the transcript loader', () => {
  it('stores every transcript with each block’s rendered HTML and visible text', async () => {
    const folder = copyOfGood();
    const astro = fakeAstro();
    await load(astro, folder);

    expect([...astro.entries.keys()].sort()).toEqual(
      readdirSync(GOOD)
        .map((name) => name.replace(/\.md$/, ''))
        .sort(),
    );
    const inline = turnsOf(astro, 'inline-markdown');
    expect(inline[0]!.en.html).toContain('<em>emphasis</em>');
    expect(inline[0]!.en.text).toContain('This is emphasis and strong, a link');
    expect(astro.entries.get('either-order')!.filePath).toMatch(/either-order\.md$/);
  });

  it('keeps in the entry what a list shows, and the turns in a file of their own', async () => {
    const folder = copyOfGood();
    const astro = fakeAstro();
    await load(astro, folder);

    const entry = dataOf(astro, 'front-matter');
    expect(entry).not.toHaveProperty('turns');
    expect(entry.title).toEqual({ en: 'A panel: on things', zh: 'A panel: on things' });
    expect(entry.turnCount).toBe(turnsOf(astro, 'front-matter').length);
    expect(entry.speakerKeys).toEqual([
      ...new Set(turnsOf(astro, 'front-matter').map((turn) => turn.speaker)),
    ]);
    // The fields and names in both languages, as the collection's schema takes them.
    expect(dataOf(astro, 'bilingual-names')).toMatchObject({
      title: { zh: '外交部发言人毛宁主持例行记者会' },
      speakerKeys: ['主持人', 'CCTV', 'Mao Ning'],
      speakers: { 'Mao Ning': { name: { en: 'Mao Ning', zh: '毛宁' } } },
    });
    // One file per transcript, named by its slug: nothing else is in the folder.
    expect(turnFiles(astro).map((name) => name.replace(/\.\w+\.json$/, ''))).toEqual(
      [...astro.entries.keys()].sort(),
    );
  });

  it('parses again only the files that changed, and drops the ones removed', async () => {
    const folder = copyOfGood();
    const astro = fakeAstro();
    await load(astro, folder);
    const all = astro.parsed.length;

    await load(astro, folder);
    expect(astro.parsed).toEqual([]);
    expect(astro.entries.size).toBe(all);

    writeFileSync(
      path.join(folder, 'either-order.md'),
      '**Li Wei:** 我们换一句。\n**Li Wei:** Something else.\n',
    );
    rmSync(path.join(folder, 'same-day.md'));
    await load(astro, folder);
    expect(astro.parsed).toEqual(['either-order']);
    expect(astro.entries.has('same-day')).toBe(false);
    expect(turnsOf(astro, 'either-order').map((turn) => turn.en.text)).toEqual(['Something else.']);
    // The edited file's old turns and the deleted file's are gone with them.
    expect(turnFiles(astro)).toHaveLength(astro.entries.size);
    expect(turnFiles(astro).some((name) => name.startsWith('same-day.'))).toBe(false);
  });

  it('parses a file again when its turns have gone from the cache folder', async () => {
    const folder = copyOfGood();
    const astro = fakeAstro();
    await load(astro, folder);
    rmSync(dataOf(astro, 'same-day').turnsFile);

    await load(astro, folder);
    expect(astro.parsed).toEqual(['same-day']);
    expect(existsSync(dataOf(astro, 'same-day').turnsFile)).toBe(true);
  });

  it('stops when the recording a transcript names under the site is gone, though the transcript is unchanged', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'duet-loader-'));
    const folder = path.join(root, 'transcripts');
    const recording = path.join(root, 'public/media/talk.mp3');
    mkdirSync(folder);
    mkdirSync(path.dirname(recording), { recursive: true });
    writeFileSync(recording, '');
    writeFileSync(
      path.join(folder, 'talk.md'),
      '---\nmedia: /media/talk.mp3\n---\n**A [0:01]:** 你好。\n**A:** Hello.\n',
    );
    const astro = fakeAstro();
    await load(astro, folder);
    expect(dataOf(astro, 'talk')).toMatchObject({ media: '/media/talk.mp3', timed: true });

    rmSync(recording);
    await expect(load(astro, folder)).rejects.toThrow(
      'transcripts/talk.md:2: front matter field `media` is `/media/talk.mp3`, a path under the site, but there is no file `public/media/talk.mp3`',
    );
  });

  it('tells a file’s warnings again while it is skipped as unchanged', async () => {
    const folder = copyOfGood();
    const astro = fakeAstro();
    await load(astro, folder);
    const warnings = astro.logged.filter((line) => line.startsWith('warn '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /front-matter\.md:12: the front matter describes the speaker `Adah`/,
    );

    await load(astro, folder);
    expect(astro.parsed).toEqual([]);
    expect(astro.logged.filter((line) => line.startsWith('warn '))).toEqual(warnings);
  });

  it('starts afresh for another folder', async () => {
    const astro = fakeAstro();
    await load(astro, copyOfGood());
    const other = mkdtempSync(path.join(tmpdir(), 'duet-loader-'));
    writeFileSync(path.join(other, 'solo.md'), '**A:** 你好。\n**A:** Hello.\n');
    await load(astro, other);
    expect([...astro.entries.keys()]).toEqual(['solo']);
  });

  it('stops with every problem of every file, and keeps what was stored', async () => {
    const folder = copyOfGood();
    const astro = fakeAstro();
    await load(astro, folder);
    const before = new Map(astro.entries);

    writeFileSync(path.join(folder, 'either-order.md'), '**Li Wei:** 只有中文。\n');
    writeFileSync(path.join(folder, 'same-day.md'), 'no label here\n');
    // A good edit beside them is parsed, but stored only with the rest.
    writeFileSync(path.join(folder, 'solo.md'), '**A:** 你好。\n**A:** Hello.\n');
    const error = await load(astro, folder).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    const lines = error?.message.split('\n') ?? [];
    const name = path.basename(folder);
    expect(lines[0]).toBe('4 problems in the transcripts:');
    expect(lines.slice(1).map((line) => line.replace(/: .*/, ''))).toEqual([
      `${name}/either-order.md:1`,
      `${name}/either-order.md:1`,
      `${name}/same-day.md:1`,
      `${name}/same-day.md:1`,
    ]);
    expect(error?.stack).toBe('');
    expect(astro.entries).toEqual(before);
    // Every entry still has its turns, and no turns of the failed load are left.
    expect(turnFiles(astro)).toEqual(
      [...before.values()].map((entry) => path.basename(entry.data.turnsFile as string)).sort(),
    );
    // The warnings are told all the same, as `npm run check` tells them beside the problems.
    expect(astro.logged.filter((line) => line.startsWith('warn '))).toEqual([
      expect.stringMatching(/front-matter\.md:12: the front matter describes the speaker `Adah`/),
    ]);
  });
});
