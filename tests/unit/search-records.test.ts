/**
 * What the search index holds for a transcript, and the promise Chinese
 * search rests on: the words of any phrase a reader can copy from a turn
 * stand next to each other in that turn's record.
 */
import { describe, expect, it } from 'vitest';
import { landingHref, readLanding, withoutLanding } from '../../src/lib/search/landing-address.ts';
import { recordsOf } from '../../src/lib/search/records.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { corpus } from '../support/corpus.ts';
import { parseFile, SEED } from './helpers.ts';

const seed = parseFile(SEED);
const records = recordsOf('alignment-panel', seed);

describe('recordsOf', () => {
  it('makes one record per turn and language, each with its own address', () => {
    expect(records).toHaveLength(seed.turns.length * 2);
    expect(new Set(records.map((record) => record.url)).size).toBe(records.length);
    expect(records[0]).toMatchObject({
      url: '/alignment-panel/?in=zh#turn-1',
      meta: { slug: 'alignment-panel', turn: '1', language: 'zh', speaker: 'Moderator' },
      filters: { speaker: ['Moderator'], language: ['zh'], transcript: ['alignment-panel'] },
    });
  });

  it('keeps the text a reader sees with each Chinese record, and indexes it as pairs', () => {
    const turn = seed.turns[12]!;
    const record = records.find((r) => r.url === '/alignment-panel/?in=zh#turn-13')!;
    // The turn's text as the page shows it (Markdown syntax left out), one line a paragraph.
    expect(record.meta.text).toBe(turn.zh.text);
    expect(record.meta.text).toContain('SAE(稀疏自编码器,Sparse Autoencoders)');
    expect(record.meta.text!.split('\n')).toHaveLength(turn.zh.paragraphs.length);
    expect(record.content).toContain('稀疏 疏自 自编 编码 码器');
  });

  it('indexes English records as the text a reader sees, links and emphasis as words', () => {
    const record = records.find((r) => r.url === '/alignment-panel/?in=en#turn-25')!;
    expect(record.content).toBe(
      "Only slightly harder how how do you distinguish like whether it's shallowly aligned or deeply aligned",
    );
    expect(record.meta.text).toBeUndefined();
  });
});

describe('recordsOf, over the whole test corpus', () => {
  const all = corpus.flatMap(({ slug, transcript }) =>
    recordsOf(slug, transcript).map((record) => ({ slug, transcript, record })),
  );

  it('gives every turn of every transcript its two records, no address twice', () => {
    const turns = corpus.reduce((sum, { transcript }) => sum + transcript.turns.length, 0);
    expect(all).toHaveLength(turns * 2);
    expect(new Set(all.map(({ record }) => record.url)).size).toBe(all.length);
  });

  it('ties each record to its transcript: its address, title and filter', () => {
    for (const { slug, transcript, record } of all) {
      expect(record.url.startsWith(`/${slug}/`)).toBe(true);
      expect(record.meta).toMatchObject({ slug, transcript: transcript.title });
      expect(record.filters.transcript).toEqual([slug]);
    }
  });
});

describe('Chinese phrases and the index', () => {
  // Every phrase of two to eight characters that starts at every tenth character of every turn.
  const phrases = seed.turns.flatMap((turn) => {
    const text = turn.zh.text;
    const found: { turn: number; phrase: string }[] = [];
    for (const [start] of [...text].entries()) {
      if (start % 10 !== 0) continue;
      for (const length of [2, 3, 5, 8]) {
        const phrase = [...text].slice(start, start + length).join('');
        if (/^\p{Script=Han}+$/u.test(phrase) && [...phrase].length === length)
          found.push({ turn: turn.number, phrase });
      }
    }
    return found;
  });

  it('has a few hundred phrases to try', () => {
    expect(phrases.length).toBeGreaterThan(500);
  });

  it('finds the pairs of every phrase, side by side, in its turn’s record', () => {
    const misses = phrases.filter(({ turn, phrase }) => {
      const record = records.find((r) => r.url === `/alignment-panel/?in=zh#turn-${turn}`)!;
      const words = ` ${record.content.split(/\s+/).join(' ')} `;
      return !words.includes(` ${parseQuery(phrase)!.terms} `);
    });
    expect(misses).toEqual([]);
  });
});

describe('landing addresses', () => {
  it('carry the language and the words to mark, and lose them again', () => {
    const href = landingHref({
      slug: 'alignment-panel',
      turn: 13,
      language: 'zh',
      marks: ['稀疏', 'SAE'],
    });
    expect(href).toBe('/alignment-panel/?in=zh&mark=%E7%A8%80%E7%96%8F&mark=SAE#turn-13');
    const url = new URL(href, 'https://duet.example');
    expect(readLanding(url)).toEqual({ language: 'zh', marks: ['稀疏', 'SAE'] });
    expect(withoutLanding(url).href).toBe('https://duet.example/alignment-panel/#turn-13');
  });

  it('are ordinary visits without a language', () => {
    expect(
      readLanding(new URL('https://duet.example/alignment-panel/?lang=zh#turn-2')),
    ).toBeUndefined();
  });
});
