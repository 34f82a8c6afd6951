/**
 * Pinyin search: a query read as syllables in each way a reader types
 * pinyin, spelled in the Han strings of the test corpus through the alias
 * map, and the turns those strings find on the site index, after what the
 * query finds as typed.
 */
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { isHan } from '../../src/lib/reading-aids/format.ts';
import { readingsOf } from '../../src/lib/reading-aids/pinyin.ts';
import { AliasWriter, readPairs, type AliasShard } from '../../src/lib/search/pinyin/aliases.ts';
import {
  keysOf,
  MOST_SPELLED,
  spellings,
  withSpelled,
} from '../../src/lib/search/pinyin/spelled.ts';
import {
  isSound,
  readPinyin,
  soundOf,
  type Syllable,
} from '../../src/lib/search/pinyin/syllables.ts';
import { rank, SHOWN, type Hit, type SearchOutcome } from '../../src/lib/search/rank.ts';
import { searchRecordOf } from '../../src/lib/search/records.ts';
import { searchIndex } from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { corpus } from '../support/corpus.ts';
import { memoryIndex } from '../support/memory-index.ts';
import { turnName } from '../support/phrase-queries.ts';
import { createRandom } from '../support/random.ts';

/** Readings as `ke3 jie3`: each syllable's sound and its tone where it has one. */
const spelled = (readings: Syllable[][]) =>
  readings.map((reading) => reading.map(({ sound, tone }) => `${sound}${tone ?? ''}`).join(' '));

describe('readPinyin', () => {
  it('reads pinyin toneless, with tone marks or tone numbers, with or without spaces', () => {
    expect(spelled(readPinyin('kejieshixing'))[0]).toBe('ke jie shi xing');
    expect(spelled(readPinyin('ke jie shi xing'))[0]).toBe('ke jie shi xing');
    expect(spelled(readPinyin('kě jiě shì xìng'))[0]).toBe('ke3 jie3 shi4 xing4');
    expect(spelled(readPinyin('kějiěshìxìng'))[0]).toBe('ke3 jie3 shi4 xing4');
    expect(spelled(readPinyin('ke3 jie3 shi4 xing4'))[0]).toBe('ke3 jie3 shi4 xing4');
    expect(spelled(readPinyin('ke3jie3shi4xing4'))[0]).toBe('ke3 jie3 shi4 xing4');
    expect(spelled(readPinyin('  KeJie ShiXing '))[0]).toBe('ke jie shi xing');
  });

  it('gives every split of an ambiguous spelling, fewer syllables first, and none across a space', () => {
    expect(spelled(readPinyin('xian'))).toEqual(['xian', 'xi an']);
    expect(spelled(readPinyin("xi'an"))).toEqual(['xi an']);
    expect(spelled(readPinyin('xi an'))).toEqual(['xi an']);
    expect(spelled(readPinyin('fangan')).sort()).toEqual(['fan gan', 'fang an']);
    expect(spelled(readPinyin('jieshi'))).toEqual(['jie shi', 'ji e shi']);
    // A tone number ends its syllable: xi1an1 can only be xi an.
    expect(spelled(readPinyin('xi1an1'))).toEqual(['xi1 an1']);
  });

  it('reads ü typed as ü, as v, and as u after l and n', () => {
    expect(spelled(readPinyin('nǚ'))).toEqual(['nv3']);
    expect(spelled(readPinyin('nv3'))).toEqual(['nv3']);
    expect(spelled(readPinyin('lüe4'))).toEqual(['lve4', 'lv e4']);
    expect(spelled(readPinyin('lue4'))).toEqual(['lve4', 'lu e4']);
  });

  it('reads no English word that pinyin cannot spell, nor Han, digits or punctuation', () => {
    for (const query of ['model', 'the', 'strategy', 'Base64', 'GPT', '可解释性', 'ke?', '', '3']) {
      expect(readPinyin(query), query).toEqual([]);
    }
    // A pasted page is not read as pinyin, however many of its letters could be.
    const started = performance.now();
    expect(readPinyin('a'.repeat(10_000))).toEqual([]);
    expect(readPinyin('ma '.repeat(1_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(100);
    expect(spelled(readPinyin('ni hao '.repeat(10)))[0]).toBe(
      'ni hao ni hao ni hao ni hao ni hao ni hao ni hao ni hao ni hao ni hao',
    );
    // Two tones on one syllable, or a tone number after a tone mark, is no syllable.
    expect(readPinyin('kě3')).toEqual([]);
    expect(spelled(readPinyin('kěè'))).toEqual(['ke3 e4']);
  });

  it('knows every sound pinyin-pro reads a common character with, but the syllabic m, n, ng', () => {
    for (const character of '我们的一是不了人在有这个上中大为来和国到以说时要就出会可也你对生能而子那得于着下自之年过发后作里如家多成回') {
      for (const reading of pinyin(character, { multiple: true, type: 'array' })) {
        expect(isSound(soundOf(reading).sound), `${character} ${reading}`).toBe(true);
      }
    }
    for (const sound of ['m', 'n', 'ng', 'hng']) expect(isSound(sound)).toBe(false);
  });
});

describe('soundOf', () => {
  it('reads a reading in tone marks as its sound and tone, 5 for none', () => {
    expect(soundOf('jiě')).toEqual({ sound: 'jie', tone: 3 });
    expect(soundOf('nǚ')).toEqual({ sound: 'nv', tone: 3 });
    expect(soundOf('de')).toEqual({ sound: 'de', tone: 5 });
    expect(soundOf('lüè')).toEqual({ sound: 'lve', tone: 4 });
  });
});

const records = corpus.map(({ slug, transcript }) => searchRecordOf(slug, transcript));

/** The corpus's alias map, each turn read in context as the build reads it, as one shard. */
function corpusAliases(): AliasShard {
  const writer = new AliasWriter();
  for (const record of records) {
    for (const turn of record.turns) writer.add(turn.zh, readingsOf(turn.zh));
  }
  return Object.assign({}, ...[...writer.files(1)].map(([, data]) => JSON.parse(data)));
}

const aliases = corpusAliases();
const pairsOf = (key: string) => (aliases[key] ? readPairs(aliases[key]) : []);
const spell = (query: string) => spellings(readPinyin(query), pairsOf);

describe('spellings', () => {
  it('spell 可解释性 in all four forms, from the pairs of the corpus', () => {
    for (const query of [
      'kejieshixing',
      'ke jie shi xing',
      'kě jiě shì xìng',
      'ke3 jie3 shi4 xing4',
      'ke3jie3shi4xing4',
    ]) {
      expect(spell(query), query).toEqual(['可解释性']);
    }
  });

  it('narrow by the tones typed: a wrong tone spells nothing, a neutral tone in context fits any', () => {
    expect(spell('ke4 jie3 shi4 xing4')).toEqual([]);
    expect(spell('shi4shi2')).toEqual(['事实']);
    expect(spell('shishi')).toContain('事实');
    expect(spell('shishi').length).toBeGreaterThan(1);
    // 我们 reads wǒ men in context: wo3 men2 still finds it.
    expect(spell('wo3 men2')).toContain('我们');
  });

  it('chain only pairs whose characters meet, each pair within one run of Han', () => {
    const spellIn = (...texts: string[]) => {
      const writer = new AliasWriter();
      for (const text of texts) writer.add(text, readingsOf(text));
      const shard = JSON.parse([...writer.files(1)][0]![1]) as AliasShard;
      return spellings(readPinyin('kejieshixing'), (key) =>
        shard[key] ? readPairs(shard[key]) : [],
      );
    };
    // 介事 reads jiè shì too, but does not start with the 解 of 可解.
    expect(spellIn('可解释性', '介事')).toEqual(['可解释性']);
    expect(spellIn('可解。释性')).toEqual([]);
    expect(spellIn('可解 释性')).toEqual([]);
  });

  it('look up each pair of neighbouring syllables once, over every reading', () => {
    expect(keysOf(readPinyin('kejieshixing'))).toEqual([
      'ke jie',
      'jie shi',
      'shi xing',
      'ke ji',
      'ji e',
      'e shi',
    ]);
  });
});

/** Searches the corpus's site index as `/` does: the query as typed, then what its pinyin spells. */
async function searchAsHome(query: string, index = memoryIndex(records)): Promise<SearchOutcome> {
  const parsed = parseQuery(query)!;
  const typed = await searchIndex(index.freshReader(), parsed, {});
  const found = await Promise.all(
    spell(query)
      .slice(0, MOST_SPELLED)
      .map((han) => searchIndex(index.freshReader(), parseQuery(han)!, {})),
  );
  return withSpelled(typed, found, undefined);
}

const place = (hit: Hit) => turnName(hit.slug, hit.turn);

describe('pinyin on the site index', () => {
  const index = memoryIndex(records);

  it('finds the turns holding 可解释性 from each form of its pinyin', async () => {
    const holding = records.flatMap((record) =>
      record.turns
        .filter((turn) => turn.zh.includes('可解释性'))
        .map((turn) => turnName(record.slug, turn.turn)),
    );
    expect(holding.length).toBeGreaterThan(1);
    expect(holding.length).toBeLessThanOrEqual(SHOWN);
    for (const query of [
      'kejieshixing',
      'ke jie shi xing',
      'kě jiě shì xìng',
      'ke3jie3shi4xing4',
    ]) {
      const found = (await searchAsHome(query, index)).hits.map(place);
      expect(found.sort(), query).toEqual(holding.sort());
    }
  });

  it('finds a turn holding a random Chinese phrase of the corpus from its pinyin, in any form', async () => {
    const random = createRandom(20261207);
    const forms: ((readings: string[]) => string)[] = [
      (readings) => readings.map((reading) => soundOf(reading).sound).join(''),
      (readings) => readings.map((reading) => soundOf(reading).sound).join(' '),
      (readings) => readings.join(' '),
      (readings) => readings.map(numbered).join(' '),
      (readings) => readings.map(numbered).join(''),
    ];
    const turns = records.flatMap((record) => record.turns.map((turn) => ({ record, turn })));
    const missed: string[] = [];
    let drawn = 0;
    while (drawn < 60) {
      const { turn } = turns[Math.floor(random() * turns.length)]!;
      const runs = [...turn.zh.matchAll(/\p{Script=Han}{3,}/gu)];
      if (runs.length === 0) continue;
      const run = runs[Math.floor(random() * runs.length)]!;
      const characters = [...run[0]];
      const length = Math.min(characters.length, 3 + Math.floor(random() * 6));
      const start = Math.floor(random() * (characters.length - length + 1));
      const phrase = characters.slice(start, start + length).join('');
      // The phrase's readings in its turn, in context: the Han characters before it, counted.
      const before = [...turn.zh.slice(0, run.index)].filter(isHan).length + start;
      const readings = readingsOf(turn.zh).slice(before, before + length);
      if (readings.some((reading) => reading === '')) continue;
      drawn++;
      const query = forms[drawn % forms.length]!(readings);
      const found = await searchAsHome(query, index);
      const holds = found.hits.some((hit) =>
        records.some(
          (record) =>
            record.slug === hit.slug &&
            record.turns.some((other) => other.turn === hit.turn && other.zh.includes(phrase)),
        ),
      );
      if (!holds) missed.push(`${phrase} (${query})`);
    }
    expect(missed).toEqual([]);
  });

  it('shows what an English word finds first, then what its pinyin spells', async () => {
    // "made" is an English word, and ma de, 码的: both are in the corpus.
    const english = await searchIndex(index.freshReader(), parseQuery('made')!, {});
    expect(english.hits.length).toBeGreaterThan(0);
    expect(english.hits.length).toBeLessThan(SHOWN);
    const found = await searchAsHome('made', index);
    expect(found.hits.slice(0, english.hits.length)).toEqual(english.hits);
    const rest = found.hits.slice(english.hits.length);
    expect(rest.length).toBeGreaterThan(0);
    for (const hit of rest) expect(hit.text).toContain('码的');
  });

  it('adds nothing to a query that is no pinyin, and shows a turn once', async () => {
    const typed = rank(parseQuery('model')!, [], false);
    expect(withSpelled(typed, [], undefined)).toEqual(typed);
    const han = await searchIndex(index.freshReader(), parseQuery('可解释性')!, {});
    expect(han.hits.length).toBeGreaterThan(1);
    expect(withSpelled(han, [han, han], undefined).hits).toEqual(han.hits);
  });
});

/** A reading in tone marks as tone numbers: kě -> ke3, de -> de. */
function numbered(reading: string): string {
  const { sound, tone } = soundOf(reading);
  return tone === 5 ? sound : `${sound}${tone}`;
}
