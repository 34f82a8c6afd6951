import { describe, expect, test } from 'vitest';
import { loadCedict, toneMarks } from '../../src/lib/dictionary/cedict.ts';
import { cut, shardOf, wordsFrom } from '../../src/lib/dictionary/format.ts';
import { siteWords } from '../../src/lib/dictionary/site.ts';
import { sentenceAt, toCsv } from '../../src/lib/dictionary/word-list.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { parseFile, SEED } from './helpers.ts';

const seed = parseFile(SEED);

async function* only(transcript: Transcript): AsyncIterable<[string, Transcript]> {
  yield ['seed', transcript];
}

describe('the seed cut into words', async () => {
  const site = await siteWords(only(seed), loadCedict());
  const file = site.files.get('seed')!;
  const words = new Set(file.words.split(' '));

  test.each([
    '迭代',
    '诱惑',
    ...seed.glossary.map((term) => term.zh).filter((zh) => /^\p{Script=Han}+$/u.test(zh)),
  ])('%s is one word', (word) => expect(words).toContain(word));

  test('the page cuts each turn over the file alone as the build cut it over CC-CEDICT', () => {
    const dictionary = loadCedict().entries;
    const glossed = new Set(seed.glossary.map((term) => term.zh));
    const full = wordsFrom([...dictionary.keys(), ...glossed]);
    const fromFile = wordsFrom(words);
    for (const turn of seed.turns) {
      expect(cut(turn.zh.text, fromFile)).toEqual(cut(turn.zh.text, full));
    }
  });

  test('every word with entries is in its shard, with pinyin in tone marks', () => {
    const [pinyin, traditional, definitions] =
      site.shards[shardOf('迭代', file.shards)]!['迭代']![0]!;
    expect({ pinyin, traditional }).toEqual({ pinyin: 'dié dài', traditional: '迭代' });
    expect(definitions.join(' ')).toContain('to iterate');
    expect(site.shards[shardOf('诱惑', file.shards)]!['诱惑']![0]![2]).toContain('to entice');
  });
});

test('cut takes the longest word at each place, and a character no word holds alone', () => {
  const words = wordsFrom(['可解释', '可解释性', '解释']);
  expect(cut('这是可解释性，𠀀解释', words).map((w) => w.word)).toEqual([
    '这',
    '是',
    '可解释性',
    '𠀀',
    '解释',
  ]);
});

test('toneMarks writes ü, the neutral tone unmarked, and erhua joined to its syllable as learners write it', () => {
  expect(toneMarks('nu:3 hai2 r5')).toBe('nǚ háir');
  expect(toneMarks('yi1 hui4 r5')).toBe('yī huìr');
  expect(toneMarks('lu:4 r5')).toBe('lǜr');
  // 儿 read r alone has no syllable to join.
  expect(toneMarks('r5')).toBe('r');
  expect(toneMarks('er2 zi5')).toBe('ér zi');
  expect(toneMarks('dan1 ge5')).toBe('dān ge');
  expect(toneMarks('lu:5')).toBe('lü');
  expect(toneMarks('Er4 qi1')).toBe('Èr qī');
  expect(toneMarks('Zhong1 E2')).toBe('Zhōng É');
  expect(toneMarks('Lu:3 Xun4')).toBe('Lǚ Xùn');
});

test("CC-CEDICT's erhua words read with r joined: 一会儿 yī huìr", () => {
  const readings = loadCedict()
    .entries.get('一会儿')!
    .map(([pinyin]) => pinyin);
  expect(readings).toContain('yī huìr');
  expect(readings.join(' ')).not.toMatch(/ r\b/);
});

test('the CSV quotes fields with commas, quotes and line breaks, rows ended by CRLF', () => {
  const csv = toCsv([
    {
      word: '诱惑',
      pinyin: 'yòu huò',
      definition: 'to entice; to lure, "tempt"',
      sentence: '他说：\n诱惑',
      link: 'https://example.org/a/#turn-3',
    },
  ]);
  expect(csv).toBe(
    'word,pinyin,definition,sentence,link\r\n' +
      '诱惑,yòu huò,"to entice; to lure, ""tempt""","他说：\n诱惑",https://example.org/a/#turn-3\r\n',
  );
});

test('sentenceAt gives the sentence holding the place', () => {
  const text = '第一句。我们要迭代！第三句';
  expect(sentenceAt(text, text.indexOf('迭代'))).toBe('我们要迭代！');
  expect(sentenceAt(text, text.indexOf('三'))).toBe('第三句');
});
