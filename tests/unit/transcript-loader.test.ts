/**
 * The content loader against a stand-in for Astro's loader context: each
 * file parsed once and stored with what pages and search need, unchanged
 * files skipped by digest, deleted ones dropped, problems stopping the
 * load with every message and changing nothing.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { transcriptLoader } from '../../src/integrations/transcript-loader.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
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

/** Astro's store, meta store and logger as far as a loader sees them, kept between loads. */
function fakeAstro() {
  const entries = new Map<string, Entry>();
  const meta = new Map<string, string>();
  const parsed: string[] = [];
  const logged: string[] = [];
  const context = (folderRoot: string) =>
    ({
      collection: 'transcripts',
      config: { root: pathToFileURL(`${folderRoot}/`) },
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
  return { entries, parsed, logged, context };
}

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
    const inline = astro.entries.get('inline-markdown')!.data as Transcript;
    expect(inline.turns[0]!.en.html).toContain('<em>emphasis</em>');
    expect(inline.turns[0]!.en.text).toContain('This is emphasis and strong, a link');
    expect(astro.entries.get('either-order')!.filePath).toMatch(/either-order\.md$/);
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
    const changed = astro.entries.get('either-order')!.data as Transcript;
    expect(changed.turns.map((turn) => turn.en.text)).toEqual(['Something else.']);
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
    // The warnings are told all the same, as `npm run check` tells them beside the problems.
    expect(astro.logged.filter((line) => line.startsWith('warn '))).toEqual([
      expect.stringMatching(/front-matter\.md:12: the front matter describes the speaker `Adah`/),
    ]);
  });
});
