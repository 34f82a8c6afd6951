/**
 * What the site index is made from: one record per transcript, its turns'
 * texts as the reader sees them, and the promise Chinese search rests on:
 * the terms of any phrase a reader can copy from a turn stand next to each
 * other among that turn's terms.
 */
import { describe, expect, it } from 'vitest';
import { landingHref, readLanding, withoutLanding } from '../../src/lib/search/landing-address.ts';
import { searchRecordOf } from '../../src/lib/search/records.ts';
import { textTerms } from '../../src/lib/search/terms.ts';
import { corpus } from '../support/corpus.ts';
import { parseFile, SEED } from './helpers.ts';

const seed = parseFile(SEED);
const record = searchRecordOf('alignment-panel', seed);

describe('searchRecordOf', () => {
  it('makes one record per transcript, its title and every turn with its speaker', () => {
    expect(record).toMatchObject({ slug: 'alignment-panel', title: seed.title });
    expect(record.turns).toHaveLength(seed.turns.length);
    expect(record.turns[0]).toMatchObject({ turn: 1, speaker: 'Moderator' });
  });

  it('keeps each text as the reader sees it: Markdown left out, one line a paragraph', () => {
    const turn = seed.turns[12]!;
    const kept = record.turns[12]!;
    expect(kept.zh).toBe(turn.zh.text);
    expect(kept.zh).toContain('SAE(稀疏自编码器,Sparse Autoencoders)');
    expect(kept.zh.split('\n')).toHaveLength(turn.zh.paragraphs.length);
    expect(record.turns[24]!.en).toBe(
      "Only slightly harder how how do you distinguish like whether it's shallowly aligned or deeply aligned",
    );
  });

  it('gives every turn of the test corpus, numbered as its permalink', () => {
    for (const { slug, transcript } of corpus) {
      const { turns } = searchRecordOf(slug, transcript);
      expect(turns.map((turn) => turn.turn)).toEqual(transcript.turns.map((turn) => turn.number));
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

  it('finds the terms of every phrase, side by side, among its turn’s terms', () => {
    const misses = phrases.filter(({ turn, phrase }) => {
      const terms = ` ${textTerms(record.turns[turn - 1]!.zh).join(' ')} `;
      return !terms.includes(` ${textTerms(phrase).join(' ')} `);
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
