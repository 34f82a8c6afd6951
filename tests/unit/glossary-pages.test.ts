/**
 * The site's glossary cut into pages: by the initial of each term's pinyin,
 * A to Z and then any other; an initial's terms on as few pages as hold them
 * within the budget, a term in more transcripts than a page holds going on
 * over the next pages; every term and every transcript once, in order.
 */
import { describe, expect, it } from 'vitest';
import {
  initialOf,
  linkBytes,
  PAGE_BYTES,
  rowBytes,
  siteGlossary,
  sitePages,
  siteTermRecords,
  termIds,
  type SitePage,
  type SiteTerm,
} from '../../src/lib/glossary-index.ts';
import { same } from '../../src/lib/localized.ts';
import { glossaryPagesStrings } from '../../src/lib/strings.ts';

/** A term glossed in `count` transcripts, each with a title of its own in both languages. */
function term(zh: string, pinyin: string, count = 1): SiteTerm {
  return {
    zh,
    pinyin: [pinyin],
    en: `the ${zh}`,
    transcripts: Array.from({ length: count }, (_, index) => ({
      id: `transcript-${String(index).padStart(4, '0')}`,
      title: {
        en: `A panel on alignment, session ${index}`,
        zh: `关于对齐的座谈会，第 ${index} 场`,
      },
      termId: `term-${zh}`,
    })),
  };
}

/** What a page costs, as the split reckons it. */
const bytesOf = ({ rows }: SitePage) =>
  rows.reduce(
    (sum, { term, transcripts }) =>
      sum + rowBytes(term) + transcripts.reduce((links, link) => links + linkBytes(link), 0),
    0,
  );

describe('the site’s glossary by initial', () => {
  it('puts each term under the first letter of its pinyin, A to Z, then any other', () => {
    const terms = [
      term('3D打印', '3D dǎ yìn'),
      term('阿尔法', 'ā ěr fǎ'),
      term('可解释性', 'kě jiě shì xìng'),
      term('可纠正性', 'kě jiū zhèng xìng'),
      term('绿色', 'lǜ sè'),
      term('中文', 'zhōng wén'),
    ];
    expect(terms.map(initialOf)).toEqual(['other', 'a', 'k', 'k', 'l', 'z']);
    const initials = sitePages(terms);
    expect(initials.map(({ initial, terms: count }) => [initial, count])).toEqual([
      ['a', 1],
      ['k', 2],
      ['l', 1],
      ['z', 1],
      ['other', 1],
    ]);
    expect(initials.map(({ label }) => label)).toEqual([
      same('A'),
      same('K'),
      same('L'),
      same('Z'),
      glossaryPagesStrings.other,
    ]);
    expect(initials.map(({ pages }) => pages.map(({ path }) => path))).toEqual([
      ['a/'],
      ['k/'],
      ['l/'],
      ['z/'],
      ['other/'],
    ]);
    // Ids as the whole glossary numbers them, so an id names one row of the site.
    const ids = new Map(terms.map((entry, index) => [entry, termIds(terms)[index]]));
    for (const { pages } of initials) {
      for (const { term: entry, id } of pages.flatMap(({ rows }) => rows)) {
        expect(id).toBe(ids.get(entry));
      }
    }
  });

  it('gives a second term of the same Chinese an id of its own, as the glossary did', () => {
    const terms = siteGlossary([
      {
        id: 'one',
        title: same('One'),
        glossary: [{ zh: '对齐', pinyin: ['duì qí'], en: 'alignment', turns: [] }],
      },
      {
        id: 'two',
        title: same('Two'),
        glossary: [{ zh: '对齐', pinyin: ['duì qí'], en: 'aligning', turns: [] }],
      },
    ]);
    const [initial] = sitePages(terms);
    expect(initial!.pages[0]!.rows.map(({ id }) => id)).toEqual(['term-对齐', 'term-对齐-2']);
  });

  it('fills as few pages as hold an initial’s terms within the budget, a row whole where it fits', () => {
    const terms = Array.from({ length: 30 }, (_, index) =>
      term(`可${String.fromCodePoint(0x4e00 + index)}`, `kě ${index}`, 3),
    );
    const budget = 4_000;
    const [k] = sitePages(terms, budget);
    expect(k!.pages.length).toBeGreaterThan(2);
    expect(k!.pages.map(({ path }) => path).slice(0, 3)).toEqual(['k/', 'k/2/', 'k/3/']);
    expect(k!.pages.map(({ number }) => number)).toEqual(k!.pages.map((_, index) => index + 1));
    for (const page of k!.pages) expect(bytesOf(page)).toBeLessThanOrEqual(budget);
    // No row is cut where it fits a page, and the pages are as full as that allows.
    const rows = k!.pages.flatMap((page) => page.rows);
    expect(rows.every(({ continued, transcripts }) => !continued && transcripts.length === 3)).toBe(
      true,
    );
    expect(rows.map(({ term: entry }) => entry)).toEqual(terms);
    for (const [index, page] of k!.pages.slice(0, -1).entries()) {
      const next = k!.pages[index + 1]!.rows[0]!;
      expect(
        bytesOf(page) + rowBytes(next.term) + 3 * linkBytes(next.transcripts[0]!),
      ).toBeGreaterThan(budget);
    }
  });

  it('goes on over the next pages with a term in more transcripts than a page holds', () => {
    const terms = [
      term('可解释性', 'kě jiě shì xìng', 5_000),
      term('可纠正性', 'kě jiū zhèng xìng'),
    ];
    const [k] = sitePages(terms);
    const pieces = k!.pages
      .flatMap((page) => page.rows)
      .filter(({ term: entry }) => entry === terms[0]);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map(({ continued }) => continued)).toEqual([
      false,
      ...pieces.slice(1).map(() => true),
    ]);
    // Every transcript once, in the order given.
    expect(pieces.flatMap(({ transcripts }) => transcripts)).toEqual(terms[0]!.transcripts);
    for (const page of k!.pages) expect(bytesOf(page)).toBeLessThanOrEqual(PAGE_BYTES);
    // The next term follows on the last page, which has room for it.
    expect(k!.pages.at(-1)!.rows.map(({ term: entry }) => entry.zh)).toEqual([
      '可解释性',
      '可纠正性',
    ]);
  });

  it('lists each term once for search, with the page its row begins on', () => {
    const terms = [
      term('阿尔法', 'ā ěr fǎ'),
      term('可解释性', 'kě jiě shì xìng', 5_000),
      term('可纠正性', 'kě jiū zhèng xìng'),
    ];
    const initials = sitePages(terms);
    const last = initials[1]!.pages.at(-1)!.path;
    expect(siteTermRecords(initials)).toEqual([
      {
        zh: '阿尔法',
        pinyin: ['ā ěr fǎ'],
        en: 'the 阿尔法',
        abbr: undefined,
        id: 'term-阿尔法',
        page: 'a/',
      },
      {
        zh: '可解释性',
        pinyin: ['kě jiě shì xìng'],
        en: 'the 可解释性',
        abbr: undefined,
        id: 'term-可解释性',
        page: 'k/',
      },
      {
        zh: '可纠正性',
        pinyin: ['kě jiū zhèng xìng'],
        en: 'the 可纠正性',
        abbr: undefined,
        id: 'term-可纠正性',
        page: last,
      },
    ]);
    expect(last).not.toBe('k/');
  });
});
