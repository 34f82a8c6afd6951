/**
 * Which turns a reader sees for a query, and in which order, from the
 * turns a search found (in the order found).
 */
import { describe, expect, it } from 'vitest';
import { same } from '../../src/lib/localized.ts';
import { hitOf, rank, type TurnText } from '../../src/lib/search/rank.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';

/** Turn `turn` of the panel in one language. */
function record(turn: number, language: 'zh' | 'en', text: string): TurnText {
  return {
    slug: 'panel',
    transcript: same('What is alignment?'),
    speaker: same('Yan'),
    turn,
    language,
    text,
  };
}

function ranked(query: string, records: TurnText[], current?: string) {
  const parsed = parseQuery(query)!;
  const read = records.map((found) => hitOf(found, parsed));
  const slug = (hit: { slug: string }) => (hit.slug === 'panel' ? '' : `${hit.slug}:`);
  return rank(parsed, read, false, current).hits.map(
    (hit) => `${slug(hit)}${hit.turn}${hit.language}`,
  );
}

/** A turn of another transcript than the one `record` makes. */
function elsewhere(slug: string, turn: number, text: string) {
  return { ...record(turn, 'en', text), slug };
}

describe('rank', () => {
  it('puts the turns that hold the whole phrase first, then keeps the order found', () => {
    const records = [
      record(1, 'en', 'the models are aligned, or deeply so'),
      record(2, 'en', 'shallowly aligned or deeply aligned'),
      record(3, 'en', 'aligned models everywhere'),
    ];
    expect(ranked('aligned models', records)).toEqual(['3en', '1en']);
    expect(ranked('deeply aligned', records)).toEqual(['2en', '1en']);
  });

  it('shows each turn once, in the language of the query when it matched in both', () => {
    const records = [
      record(4, 'zh', '一个 bell curve meme'),
      record(4, 'en', 'that Meme with the bell curve'),
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
      record(7, 'en', 'align models as they get stronger'),
      record(8, 'en', 'the most aligned models'),
    ];
    expect(ranked('"aligned models"', records)).toEqual(['8en']);
  });

  it('puts the turns of the transcript being read first, then the rest in the usual order', () => {
    const records = [
      elsewhere('seminar', 3, 'the phrase base64 encoding'),
      record(9, 'en', 'encoding in base64 here'),
      elsewhere('fireside', 5, 'base64, and encoding'),
      record(2, 'en', 'a base64 encoding too'),
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

  it('marks the words whose stem the query asks for, and the query’s Han pieces', () => {
    const zh = hitOf(record(13, 'zh', '现在用 SAE(稀疏自编码器)'), parseQuery('SAE 稀疏')!);
    expect(zh.hit.marks).toEqual(['SAE', '稀疏']);
    expect(zh.covers).toBe(true);
    const en = hitOf(
      record(13, 'en', 'Aligned models, and the alignment of models.'),
      parseQuery('align model')!,
    );
    expect(en.hit.marks).toEqual(['Aligned', 'models', 'alignment']);
    expect(en.covers).toBe(true);
    expect(en.phrase).toBe(false);
  });

  it('does not count a word that only begins like a query word', () => {
    const hit = hitOf(record(14, 'en', 'the alignment tax'), parseQuery('align taxonomy')!);
    expect(hit.covers).toBe(false);
    expect(hit.hit.marks).toEqual(['alignment']);
  });
});
