/**
 * What the search integration does with the records the build wrote:
 * every transcript indexed into `search/`, the records removed, even when
 * one of them is not a record, and an empty site given a valid index.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index.ts';
import { isHan, TRADITIONAL_TABLE } from '../../src/lib/reading-aids/format.ts';
import { traditionalTable } from '../../src/lib/reading-aids/traditional.ts';
import { SEARCH_BUNDLE, SEARCH_RECORDS } from '../../src/lib/search/bundle.ts';
import { ALIAS_FOLDER, aliasShards } from '../../src/lib/search/pinyin/aliases.ts';
import { searchRecordOf, type SearchRecord } from '../../src/lib/search/records.ts';
import { SiteIndexReader, type IndexSource } from '../../src/lib/search/site-index/reader.ts';
import { searchIndex } from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { record, writeIndex, type IndexFiles } from '../support/memory-index.ts';
import { GOOD, parseFile } from './helpers.ts';

const SLUGS = ['either-order', 'continuation-lines'];
const records = () => SLUGS.map((slug) => searchRecordOf(slug, parseFile(`${GOOD}/${slug}.md`)));

/** `count` talks of twelve turns, each turn's words its own. */
function talks(count: number): SearchRecord[] {
  return Array.from({ length: count }, (_, t) =>
    record(
      `talk-${String(t).padStart(2, '0')}`,
      Array.from({ length: 12 }, (_, i) => [
        `Speaker ${i % 3}`,
        `第${t}场第${i}段：我们讨论对齐和可解释性。`,
        `Talk ${t}, turn ${i}: word${t * 12 + i} and the alignment of models.`,
      ]),
    ),
  );
}

/** A cache folder of a build's own, as Astro gives each build. */
const cache = () => ({
  cacheDir: mkdtempSync(path.join(tmpdir(), 'duet-index-cache-')),
  code: 'v1',
});

/** A built site holding only the record files of some transcripts. */
function siteWithRecords(files: Record<string, string>): string {
  const site = mkdtempSync(path.join(tmpdir(), 'duet-index-'));
  mkdirSync(path.join(site, SEARCH_RECORDS));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(site, SEARCH_RECORDS, name), text);
  }
  return site;
}

function recordFiles(): Record<string, string> {
  return Object.fromEntries(
    records().map((record) => [`${record.slug}.json`, JSON.stringify(record)]),
  );
}

/** Every file under a folder, by its path inside it: a JSON file's text, a binary file's bytes. */
function filesUnder(folder: string): IndexFiles {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
  return new Map(
    files.sort().map((file) => {
      const bytes = readFileSync(path.join(folder, file));
      return [file, file.endsWith('.bin') ? new Uint8Array(bytes) : bytes.toString('utf8')];
    }),
  );
}

/**
 * Takes the pinyin search's alias map out of an index's files: one file
 * per alias shard, its keys each in one (tests/unit/pinyin-search.test.ts
 * tests what they hold). Returns their keys.
 */
function takeAliases(files: IndexFiles): string[] {
  const { shards } = JSON.parse(files.get('index.json') as string) as { shards: number };
  const paths = [...files.keys()].filter((file) => file.startsWith(`${ALIAS_FOLDER}/`));
  expect(paths.sort()).toEqual(
    Array.from({ length: aliasShards(shards) }, (_, i) => `${ALIAS_FOLDER}/${i}.json`).sort(),
  );
  const keys = paths.flatMap((file) => Object.keys(JSON.parse(files.get(file) as string)));
  for (const file of paths) files.delete(file);
  expect(new Set(keys).size).toBe(keys.length);
  return keys;
}

/** A source over a built site's index folder, as a server would send it. */
function folderSource(folder: string): IndexSource {
  return {
    text: async (file) => readFileSync(path.join(folder, file), 'utf8'),
    range: async (file, _version, start, end) =>
      new Uint8Array(readFileSync(path.join(folder, file)).subarray(start, end)),
  };
}

describe('writeSearchIndex', () => {
  it('indexes every transcript in file-name order, then removes the records', async () => {
    const site = siteWithRecords(recordFiles());
    const report = await writeSearchIndex(site, cache());

    const inOrder = records().sort((a, b) => (a.slug < b.slug ? -1 : 1));
    const expected = writeIndex(inOrder);
    const written = filesUnder(path.join(site, SEARCH_BUNDLE));
    // Beside the index, the search's table of Traditional characters, for the records' characters.
    const characters = inOrder.flatMap((record) =>
      record.turns.flatMap((turn) => Array.from(turn.zh + turn.en)),
    );
    expect(JSON.parse(written.get(TRADITIONAL_TABLE) as string)).toEqual(
      traditionalTable(new Set(characters.filter(isHan))),
    );
    written.delete(TRADITIONAL_TABLE);
    expect(takeAliases(written).length).toBeGreaterThan(0);
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(written).toEqual(expected);
    const turns = inOrder.reduce((sum, record) => sum + record.turns.length, 0);
    expect(report).toMatchObject({
      transcripts: 2,
      turns,
      records: turns * 2,
      files: expected.size,
    });
    expect(readdirSync(site)).toEqual([SEARCH_BUNDLE]);
  });

  it('writes an index the reader searches', async () => {
    const site = siteWithRecords(recordFiles());
    await writeSearchIndex(site, cache());
    const reader = new SiteIndexReader(folderSource(path.join(site, SEARCH_BUNDLE)));
    const turn = records()[0]!.turns[0]!;
    const { hits } = await searchIndex(reader, parseQuery(turn.en)!, {});
    expect(hits[0]).toMatchObject({ slug: 'either-order', turn: 1, text: turn.en });
  });

  it('stops the build, naming the file, when a record is not one, and removes the records', async () => {
    const site = siteWithRecords({
      ...recordFiles(),
      'broken.json': JSON.stringify({
        slug: 'broken',
        title: { en: 'Broken', zh: 'Broken' },
        names: {},
        turns: [{ turn: 0 }],
      }),
    });
    await expect(writeSearchIndex(site, cache())).rejects.toThrow(
      'search_records/broken.json is not a search record: turns.0.turn: Too small: expected number to be >0',
    );
    expect(readdirSync(site)).not.toContain(SEARCH_RECORDS);
  });

  it('writes a valid empty index for a site without transcripts', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'duet-index-'));
    expect(await writeSearchIndex(site, cache())).toMatchObject({
      transcripts: 0,
      turns: 0,
      files: 2,
    });
    expect([...filesUnder(path.join(site, SEARCH_BUNDLE)).keys()].sort()).toEqual([
      'index.json',
      's/0.json',
      TRADITIONAL_TABLE,
      `${ALIAS_FOLDER}/0.json`,
    ]);
  });

  it('with a cache folder, writes again only what an edit changed, and the same index as without', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'duet-index-cache-'));
    // Enough turns for many packs and shards: an edit changes a few of them.
    const site = [...records(), ...talks(30)].sort((a, b) => (a.slug < b.slug ? -1 : 1));
    const write = async (transcripts: readonly SearchRecord[]) => {
      const folder = path.join(cacheDir, 'site');
      mkdirSync(path.join(folder, SEARCH_RECORDS), { recursive: true });
      for (const record of transcripts) {
        writeFileSync(
          path.join(folder, SEARCH_RECORDS, `${record.slug}.json`),
          JSON.stringify(record),
        );
      }
      return { folder, report: await writeSearchIndex(folder, { cacheDir, code: 'v1' }) };
    };
    const cold = await write(site);
    // The index's files, and the table of Traditional characters and the pinyin aliases beside them.
    const shards = aliasShards(cold.report.shards);
    expect(cold.report.written).toBe(cold.report.files + 1 + shards);

    // The same records again: every file kept, none written.
    expect((await write(site)).report).toMatchObject({ written: 0 });

    // One transcript's last words edited: its pack, its texts, some shards and lists change, not the rest.
    const edited = structuredClone(site);
    edited.at(-1)!.turns.at(-1)!.en += ' [edited]';
    const warm = await write(edited);
    expect(warm.report.written).toBeGreaterThan(0);
    expect(warm.report.written).toBeLessThan(warm.report.files / 4);
    const written = filesUnder(path.join(warm.folder, SEARCH_BUNDLE));
    written.delete(TRADITIONAL_TABLE);
    takeAliases(written);
    expect(written).toEqual(writeIndex(edited));
  });
});

describe('a rebuild of the search index', () => {
  /** Builds `transcripts` into a site of its own with `cacheDir`, as `astro build` would: every index file and the Traditional table. */
  async function build(
    cacheDir: string,
    folder: string,
    transcripts: readonly SearchRecord[],
    code = 'v1',
  ) {
    rmSync(path.join(folder, SEARCH_RECORDS), { recursive: true, force: true });
    mkdirSync(path.join(folder, SEARCH_RECORDS), { recursive: true });
    for (const record of transcripts) {
      writeFileSync(
        path.join(folder, SEARCH_RECORDS, `${record.slug}.json`),
        JSON.stringify(record),
      );
    }
    const report = await writeSearchIndex(folder, { cacheDir, code });
    return { report, files: filesUnder(path.join(folder, SEARCH_BUNDLE)) };
  }

  const temporary = () => mkdtempSync(path.join(tmpdir(), 'duet-rebuild-'));

  /**
   * The same index as a cold build of the same records, whatever the last
   * build was; with the last build's lists mended (only some groups' lists
   * made again, search-lists.ts) or built whole, as `lists` says.
   */
  async function expectCold(
    before: readonly SearchRecord[],
    after: readonly SearchRecord[],
    lists: 'mended' | 'whole',
  ) {
    const cacheDir = temporary();
    const folder = temporary();
    await build(cacheDir, folder, before);
    const rebuilt = await build(cacheDir, folder, after);
    const cold = await build(temporary(), temporary(), after);
    expect([...rebuilt.files.keys()]).toEqual([...cold.files.keys()]);
    expect(rebuilt.files).toEqual(cold.files);
    const { written: _, seconds: __, listGroups, ...counts } = cold.report;
    expect(rebuilt.report).toMatchObject(counts);
    if (lists === 'whole') expect(rebuilt.report.listGroups).toBe(listGroups);
    else expect(rebuilt.report.listGroups).toBeLessThan(listGroups);
  }

  /**
   * Talks whose turns but the first hold words of their own, enough for
   * several groups of shards: an edit of a short turn touches the lists of
   * a few of them.
   */
  const site = talks(24).map((talk) => ({
    ...talk,
    turns: talk.turns.map((turn, i) =>
      i === 0
        ? turn
        : {
            ...turn,
            en: `${turn.en} ${Array.from({ length: 80 }, (_, w) => `${talk.slug}x${i}y${w}`).join(' ')}`,
          },
    ),
  }));

  it('gives the bytes of a cold build after one transcript is edited', async () => {
    const edited = structuredClone(site);
    edited[11]!.turns[0]!.en += ' [edited]';
    await expectCold(site, edited, 'mended');
  });

  it('gives the bytes of a cold build after an edit that keeps every length: one word for another', async () => {
    const edited = structuredClone(site);
    edited[7]!.turns[2]!.en = edited[7]!.turns[2]!.en.replace('alignment', 'interpretability');
    // A character no turn had: the table of Traditional characters gains 談.
    edited[7]!.turns[2]!.zh = edited[7]!.turns[2]!.zh.replace('讨论', '谈论');
    await expectCold(site, edited, 'mended');
    // And back: 谈论 and its pinyin's pairs go from the index and the alias map.
    await expectCold(edited, site, 'mended');
  });

  it('gives the bytes of a cold build after an edit long enough to move the mean length, and every weight with it', async () => {
    const edited = structuredClone(site);
    edited[2]!.turns[0]!.en += ' and so on'.repeat(150);
    await expectCold(site, edited, 'whole');
  });

  it('gives the bytes of a cold build after a turn changes speaker', async () => {
    const edited = structuredClone(site);
    edited[4]!.turns[1]!.speaker = edited[4]!.turns[0]!.speaker;
    await expectCold(site, edited, 'mended');
  });

  it('gives the bytes of a cold build after an edit adds a turn, numbering every later one anew', async () => {
    const edited = structuredClone(site);
    const turns = edited[9]!.turns;
    turns.splice(3, 0, { ...structuredClone(turns[3]!), en: 'A turn of its own, added.' });
    turns.forEach((turn, i) => (turn.turn = i + 1));
    await expectCold(site, edited, 'whole');
  });

  it('gives the bytes of a cold build after a transcript is removed', async () => {
    await expectCold(site, site.toSpliced(13, 1), 'whole');
  });

  it('gives the bytes of a cold build when an edit makes a word common, and so its pairs keys', async () => {
    // "zebra" is in no turn; written into a tenth of them for another word, it is common on a
    // site this small, and every turn keeps its length.
    const edited = structuredClone(site);
    for (const record of edited.slice(0, 3)) {
      for (const turn of record.turns) turn.en = turn.en.replace('Talk', 'zebra');
    }
    await expectCold(site, edited, 'whole');
    // And back: its pairs are keys no more.
    await expectCold(edited, site, 'whole');
  });

  it('gives the bytes of a cold build when transcripts come, go and repeat another', async () => {
    const changed = [...site.slice(2), ...talks(27).slice(24)];
    // A copy of a transcript under another name: two records, one analysis.
    changed.push({ ...structuredClone(site[5]!), slug: 'talk-copy' });
    await expectCold(site, changed, 'whole');
    await expectCold(changed, site, 'whole');
  });

  it('gives the bytes of a cold build after a change of code, whatever shape the old code kept', async () => {
    const cacheDir = temporary();
    const folder = temporary();
    const edited = structuredClone(site);
    edited[3]!.turns[0]!.en += ' [edited]';
    await build(cacheDir, folder, site, 'v1');
    // What another version of the code kept of each transcript, in a shape of its own.
    const kept = path.join(cacheDir, 'search-terms');
    for (const name of readdirSync(kept))
      writeFileSync(path.join(kept, name), '[{"zh":{},"en":{}}]');
    const rebuilt = await build(cacheDir, folder, edited, 'v2');
    expect(rebuilt.files).toEqual((await build(temporary(), temporary(), edited, 'v2')).files);
  });
});
