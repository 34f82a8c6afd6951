/**
 * Which turns a reader sees for a query, and in which order, from the
 * records Pagefind found.
 */
import { describe, expect, it } from 'vitest';
import { rank, readHit, type ReadHit } from '../../src/lib/search/rank.ts';
import type { FoundRecord } from '../../src/lib/search/records.ts';
import { parseQuery, searchableText } from '../../src/lib/search/terms.ts';

function record(
  turn: number,
  language: 'zh' | 'en',
  text: string,
  locations: number[] = [],
): Omit<FoundRecord, 'url'> {
  return {
    content: language === 'zh' ? searchableText(text) : text,
    meta: {
      slug: 'panel',
      transcript: 'What is alignment?',
      speaker: 'Yan',
      turn: String(turn),
      language,
      ...(language === 'zh' ? { text } : {}),
    },
    locations,
  };
}

function ranked(query: string, records: Omit<FoundRecord, 'url'>[], current?: string) {
  const parsed = parseQuery(query)!;
  const read = records
    .map((found) => readHit(found, parsed))
    .filter((hit): hit is ReadHit => !!hit);
  const slug = (hit: { slug: string }) => (hit.slug === 'panel' ? '' : `${hit.slug}:`);
  return rank(parsed, read, false, current).hits.map(
    (hit) => `${slug(hit)}${hit.turn}${hit.language}`,
  );
}

/** A record of another transcript than the one `record` makes. */
function elsewhere(slug: string, turn: number, text: string, locations: number[]) {
  const found = record(turn, 'en', text, locations);
  return { ...found, meta: { ...found.meta, slug } };
}

describe('rank', () => {
  it('puts the turns that hold the whole phrase first, then keeps Pagefind’s order', () => {
    const records = [
      record(1, 'en', 'the models are aligned, or deeply so', [2, 3]),
      record(2, 'en', 'shallowly aligned or deeply aligned', [1, 2]),
      record(3, 'en', 'aligned models everywhere', [0, 1]),
    ];
    expect(ranked('aligned models', records)).toEqual(['3en', '1en']);
    expect(ranked('deeply aligned', records)).toEqual(['2en', '1en']);
  });

  it('shows each turn once, in the language of the query when it matched in both', () => {
    const records = [
      record(4, 'zh', '一个 bell curve meme', [0]),
      record(4, 'en', 'that Meme with the bell curve', [4, 5]),
    ];
    expect(ranked('bell curve', records)).toEqual(['4en']);
    expect(ranked('meme', records)).toEqual(['4en']);
  });

  it('leaves out a turn whose text lacks a word the query has', () => {
    const records = [
      record(5, 'zh', '你怎么区分浅层对齐还是深层对齐'),
      record(6, 'zh', '意图对齐(intent alignment)'),
    ];
    expect(ranked('alignment 对齐', records)).toEqual(['6zh']);
  });

  it('keeps only literal phrases for a query in quotes', () => {
    const records = [
      record(7, 'en', 'align models as they get stronger', [0, 1]),
      record(8, 'en', 'the most aligned models', [2, 3]),
    ];
    expect(ranked('"aligned models"', records)).toEqual(['8en']);
  });

  it('puts the turns of the transcript being read first, then the rest in the usual order', () => {
    const records = [
      elsewhere('seminar', 3, 'the phrase base64 encoding', [1, 2]),
      record(9, 'en', 'encoding in base64 here', [0, 2]),
      elsewhere('fireside', 5, 'base64, and encoding', [0, 2]),
      record(2, 'en', 'a base64 encoding too', [1, 2]),
    ];
    expect(ranked('base64 encoding', records)).toEqual([
      'seminar:3en',
      '2en',
      '9en',
      'fireside:5en',
    ]);
    expect(ranked('base64 encoding', records, 'panel')).toEqual([
      '2en',
      '9en',
      'seminar:3en',
      'fireside:5en',
    ]);
  });

  it('skips a record without a turn to land on', () => {
    const broken = { ...record(9, 'en', 'alignment', [0]), meta: { language: 'en' } };
    expect(ranked('alignment', [broken])).toEqual([]);
  });

  it('marks what Pagefind matched in English and the query’s pieces in Chinese', () => {
    const query = parseQuery('SAE 稀疏')!;
    const zh = readHit(record(13, 'zh', '现在用 SAE(稀疏自编码器)'), query)!;
    expect(zh.hit.marks).toEqual(['SAE', '稀疏']);
    const en = readHit(
      record(13, 'en', 'sparse autoencoders like SAEs', [0]),
      parseQuery('sparsity')!,
    )!;
    expect(en.hit.marks).toEqual(['sparse']);
  });
});
