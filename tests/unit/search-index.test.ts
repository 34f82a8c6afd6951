/**
 * What the search integration does with the records the build wrote, with
 * a stand-in for Pagefind's indexer: every record indexed, the bundle
 * written, the records removed, and the indexer closed even on failure.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex, type Indexer } from '../../src/integrations/search-index.ts';
import { SEARCH_BUNDLE, SEARCH_RECORDS } from '../../src/lib/search/bundle.ts';
import { recordsOf, type SearchRecord } from '../../src/lib/search/records.ts';
import { GOOD, parseFile } from './helpers.ts';

/** A built site holding only the record files of some transcripts. */
function siteWithRecords(slugs: readonly string[]): string {
  const site = mkdtempSync(path.join(tmpdir(), 'duet-index-'));
  mkdirSync(path.join(site, SEARCH_RECORDS));
  for (const slug of slugs) {
    const records = recordsOf(slug, parseFile(`${GOOD}/${slug}.md`));
    writeFileSync(path.join(site, SEARCH_RECORDS, `${slug}.json`), JSON.stringify(records));
  }
  return site;
}

/** Pagefind's indexer as far as the integration uses it, keeping what it is given. */
function fakeIndexer(failOn?: string) {
  const added: SearchRecord[] = [];
  const written: string[] = [];
  let closed = 0;
  const indexer = {
    createIndex: async () => ({
      errors: [],
      index: {
        addCustomRecord: async (record: SearchRecord) => {
          added.push(record);
          return { errors: record.url === failOn ? ['bad record'] : [] };
        },
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          written.push(outputPath);
          mkdirSync(path.join(outputPath), { recursive: true });
          writeFileSync(path.join(outputPath, 'pagefind-ui.js'), '');
          writeFileSync(path.join(outputPath, 'pagefind.js'), '');
          return { errors: [], outputPath };
        },
      },
    }),
    close: async () => {
      closed++;
    },
  } as unknown as Indexer;
  return { indexer, added, written, closed: () => closed };
}

describe('writeSearchIndex', () => {
  it('indexes every record of every transcript, then removes the records', async () => {
    const site = siteWithRecords(['either-order', 'continuation-lines']);
    const fake = fakeIndexer();
    const report = await writeSearchIndex(site, fake.indexer);

    const expected = ['continuation-lines', 'either-order'].flatMap((slug) =>
      recordsOf(slug, parseFile(`${GOOD}/${slug}.md`)),
    );
    expect(fake.added).toEqual(expected);
    expect(report).toMatchObject({ transcripts: 2, records: expected.length });
    expect(fake.written).toEqual([path.join(site, SEARCH_BUNDLE)]);
    expect(readdirSync(site)).toEqual([SEARCH_BUNDLE]);
    expect(readdirSync(path.join(site, SEARCH_BUNDLE))).toEqual(['pagefind.js']);
    expect(fake.closed()).toBe(1);
  });

  it('stops the build when a record is refused, and closes the indexer', async () => {
    const site = siteWithRecords(['either-order']);
    const fake = fakeIndexer('/either-order/?in=en#turn-2');
    await expect(writeSearchIndex(site, fake.indexer)).rejects.toThrow(
      'Pagefind could not index either-order.json: bad record',
    );
    expect(fake.closed()).toBe(1);
  });

  it('writes an empty index for a site without transcripts', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'duet-index-'));
    const fake = fakeIndexer();
    expect(await writeSearchIndex(site, fake.indexer)).toMatchObject({
      transcripts: 0,
      records: 0,
    });
    expect(fake.written).toEqual([path.join(site, SEARCH_BUNDLE)]);
  });

  it('removes the records when the index fails, so no failed build serves them', async () => {
    const site = siteWithRecords(['either-order']);
    await expect(
      writeSearchIndex(site, fakeIndexer('/either-order/?in=en#turn-2').indexer),
    ).rejects.toThrow();
    expect(readdirSync(site)).not.toContain(SEARCH_RECORDS);
  });
});
