/**
 * The reading aids' data, made at build time from the test corpus: pinyin
 * read in context, one reading per Han character, grouped by word;
 * glossary terms' pinyin; Traditional characters,
 * character for character; and the table that reads a Traditional query as
 * Simplified. The page applies both files to the text nodes of a block, so
 * the text the files describe must be the text its HTML shows.
 */
import { fromHtml } from 'hast-util-from-html';
import { pinyin } from 'pinyin-pro';
import type { Element, ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import {
  bitsOf,
  changesOf,
  countHan,
  flagsOf,
  isHan,
  readReadings,
  readTable,
  replaceEach,
  simplify,
  turnPinyin,
  withChanges,
  type TurnPinyin,
} from '../../src/lib/reading-aids/format.ts';
import {
  pinyinFileOf,
  readingsOf,
  termPinyin,
  wordStarts,
} from '../../src/lib/reading-aids/pinyin.ts';
import {
  convertAligned,
  traditionalFileOf,
  traditionalOf,
  traditionalTable,
} from '../../src/lib/reading-aids/traditional.ts';
import { corpus } from '../support/corpus.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';

const turns = corpus.flatMap(({ transcript }) => transcript.turns);

/** Each turn's pinyin as the page reads it back from the transcript's file. */
function pinyinFromFile(transcript: Transcript): (TurnPinyin | undefined)[] {
  const file = pinyinFileOf(transcript);
  const usual = readReadings(file.readings);
  return transcript.turns.map((turn, index) => turnPinyin(file, usual, index, turn.zh.text));
}

/** Each turn's Chinese in Traditional characters as the page reads it back from the transcript's file. */
function traditionalFromFile(transcript: Transcript): (string | undefined)[] {
  const file = traditionalFileOf(transcript);
  const usual = readTable(file.usual);
  return transcript.turns.map((turn, index) =>
    withChanges(replaceEach(turn.zh.text, usual), file.turns[index] ?? ''),
  );
}

/** A file's size as the site writes it, in bytes. */
const bytes = (file: unknown) => new TextEncoder().encode(JSON.stringify(file)).length;

/** The readings of every occurrence of `word` in the corpus's Chinese text. */
function readingsOfWord(word: string): string[] {
  const found: string[] = [];
  for (const turn of turns) {
    const text = turn.zh.text;
    const readings = readingsOf(text);
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const before = countHan(text.slice(0, at));
      found.push(readings.slice(before, before + countHan(word)).join(' '));
    }
  }
  return found;
}

describe('pinyin', () => {
  it.each([
    ['行为', 'xíng wéi'],
    ['觉得', 'jué de'],
    ['还是', 'hái shì'],
  ])('reads %s as %s, in tone marks, wherever the corpus writes it', (word, reading) => {
    const found = readingsOfWord(word);
    expect(found.length).toBeGreaterThan(1);
    expect(new Set(found)).toEqual(new Set([reading]));
  });

  it('reads a polyphone by the words around it', () => {
    expect(readingsOf('行为')).toEqual(['xíng', 'wéi']);
    expect(readingsOf('银行')).toEqual(['yín', 'háng']);
    expect(readingsOf('我觉得')).toEqual(['wǒ', 'jué', 'de']);
    expect(readingsOf('睡觉')).toEqual(['shuì', 'jiào']);
  });

  it('gives one reading per Han character, and none to Latin letters, digits or punctuation', () => {
    expect(readingsOf('Claude 的 SAE(稀疏自编码器)和 3 个模型。')).toEqual([
      'de',
      'xī',
      'shū',
      'zì',
      'biān',
      'mǎ',
      'qì',
      'hé',
      'gè',
      'mó',
      'xíng',
    ]);
    for (const { transcript } of corpus) {
      transcript.turns.forEach((turn) => {
        const readings = readingsOf(turn.zh.text);
        expect(readings).toHaveLength(countHan(turn.zh.text));
        expect(readings.every((reading) => /^\p{L}+$/u.test(reading))).toBe(true);
      });
    }
  });

  it('reads back from the file, for every turn of the corpus, each reading in context and each word start', () => {
    for (const { transcript } of corpus) {
      const fromFile = pinyinFromFile(transcript);
      expect(fromFile).toHaveLength(transcript.turns.length);
      transcript.turns.forEach((turn, index) => {
        expect(fromFile[index]).toEqual({
          readings: readingsOf(turn.zh.text),
          startsWord: wordStarts(turn.zh.text),
        });
      });
    }
  });

  it('writes each character’s usual reading once, and per turn only the readings in context that differ', () => {
    const text = '一个人，这个问题，一样。';
    const file = pinyinFileOf({ turns: [{ zh: { text } }] } as unknown as Transcript);
    expect(readingsOf(text)).toEqual(['yí', 'gè', 'rén', 'zhè', 'ge', 'wèn', 'tí', 'yí', 'yàng']);
    expect(file.readings).toBe('一yí个gè人rén这zhè问wèn题tí样yàng');
    expect(file.otherReadings).toEqual(['4ge']);
    expect(flagsOf(file.words[0]!, 9)).toEqual(wordStarts(text));
    // The seed's file is less than a third of its readings written out at every character.
    const { transcript } = corpus.find(({ slug }) => slug === 'alignment-panel')!;
    const whole = transcript.turns.map(({ zh }) => readingsOf(zh.text).join(' '));
    expect(bytes(pinyinFileOf(transcript))).toBeLessThan(bytes({ turns: whole }) / 3);
  });

  it('keeps six flags to a base64 digit, the first in its lowest bit', () => {
    const flags = [true, false, false, false, false, false, false, true];
    expect(bitsOf(flags)).toBe('BC');
    expect(flagsOf('BC', 8)).toEqual(flags);
    expect(flagsOf('BC', 13)).toBeUndefined();
  });

  it('reads nothing from another build’s file: a character it has no reading for, or another number of them', () => {
    const file = pinyinFileOf({ turns: [{ zh: { text: '我们' } }] } as unknown as Transcript);
    const usual = readReadings(file.readings);
    expect(turnPinyin(file, usual, 0, '我们')).toEqual({
      readings: ['wǒ', 'men'],
      startsWord: [true, false],
    });
    expect(turnPinyin(file, usual, 0, '他们')).toBeUndefined();
    expect(turnPinyin(file, usual, 0, '我们我们我们我们')).toBeUndefined();
    expect(turnPinyin({ ...file, otherReadings: ['5wo'] }, usual, 0, '我们')).toBeUndefined();
  });
});

describe('pinyin by word', () => {
  /** Each Han character of a turn's text, with its place in the text and the word the pinyin file puts it in. */
  function characterWords(text: string, startsWord: readonly boolean[]) {
    const characters: { character: string; at: number; word: number }[] = [];
    let word = -1;
    let at = 0;
    for (const character of text) {
      if (isHan(character)) {
        if (startsWord[characters.length]) word++;
        characters.push({ character, at, word });
      }
      at += character.length;
    }
    return characters;
  }

  /** A text's readings, a word's joined by `-`, words a space apart. */
  const byWord = (text: string) => {
    const starts = wordStarts(text);
    return readingsOf(text)
      .map((reading, index) => (index === 0 ? '' : starts[index] ? ' ' : '-') + reading)
      .join('');
  };

  it('joins the readings of a word and parts words, as ICU’s segmenter reads them', () => {
    expect(byWord('这个问题去问 Plato 吧。')).toBe('zhè-ge wèn-tí qù wèn ba');
    expect(byWord('我觉得人们非常\n容易')).toBe('wǒ jué-de rén-men fēi-cháng róng-yì');
  });

  it('keeps 问题 one word wherever the corpus writes it', () => {
    let seen = 0;
    for (const { transcript } of corpus) {
      const fromFile = pinyinFromFile(transcript);
      transcript.turns.forEach((turn, index) => {
        const characters = characterWords(turn.zh.text, fromFile[index]!.startsWord);
        characters.forEach(({ character, word }, place) => {
          if (character !== '问' || characters[place + 1]?.character !== '题') return;
          if (characters[place + 1]!.at !== characters[place]!.at + 1) return;
          seen++;
          expect(characters[place + 1]!.word).toBe(word);
        });
      });
    }
    expect(seen).toBeGreaterThan(50);
  });

  it('puts in one word only characters that stand side by side in the text', () => {
    for (const { transcript } of corpus) {
      const fromFile = pinyinFromFile(transcript);
      transcript.turns.forEach((turn, index) => {
        const characters = characterWords(turn.zh.text, fromFile[index]!.startsWord);
        for (let place = 1; place < characters.length; place++) {
          const [before, character] = [characters[place - 1]!, characters[place]!];
          if (character.word === before.word) expect(character.at).toBe(before.at + 1);
        }
      });
    }
  });

  it('gives a glossary term its pinyin word by word, as pinyin-pro reads the whole term', () => {
    expect(termPinyin('可解释性')).toEqual(['kě', 'jiě shì', 'xìng']);
    expect(termPinyin('冯·诺依曼')).toEqual(['féng', '·', 'nuò', 'yī', 'màn']);
    expect(termPinyin('GPT-4 模型')).toEqual(['GPT-4', 'mó xíng']);
    for (const { transcript } of corpus) {
      for (const { zh, pinyin: words } of transcript.glossary) {
        expect(words.join(' ')).toBe(pinyin(zh, { nonZh: 'consecutive' }).replace(/\s+/g, ' '));
      }
    }
  });
});

describe('Traditional characters', () => {
  it('converts phrase by phrase, in Taiwan’s standard forms', () => {
    expect(traditionalOf('可解释性 头发 发展 干净 干部 看着 里面')).toBe(
      '可解釋性 頭髮 發展 乾淨 幹部 看著 裡面',
    );
  });

  it('keeps every character’s place in every turn of the corpus, Latin letters and punctuation as written', () => {
    for (const { transcript } of corpus) {
      const fromFile = traditionalFromFile(transcript);
      expect(fromFile).toHaveLength(transcript.turns.length);
      transcript.turns.forEach((turn, index) => {
        const text = fromFile[index]!;
        expect(text).toBe(traditionalOf(turn.zh.text));
        const written = Array.from(turn.zh.text);
        const converted = Array.from(text);
        expect(converted).toHaveLength(written.length);
        expect(text.length).toBe(turn.zh.text.length);
        written.forEach((character, at) => {
          if (!isHan(character)) expect(converted[at]).toBe(character);
          else expect(isHan(converted[at]!)).toBe(true);
        });
      });
    }
  });

  it('writes only what changes, each after the number of characters kept before it', () => {
    expect(changesOf('可解释性 头发', '可解釋性 頭髮')).toBe('2釋2頭0髮');
    expect(withChanges('可解释性 头发', '2釋2頭0髮')).toBe('可解釋性 頭髮');
    expect(changesOf('第 10 场', '第 10 場')).toBe('5場');
    expect(withChanges('第 10 场', '5場')).toBe('第 10 場');
    // Counted as a page's text nodes count, in UTF-16 code units: 𠮷 is two.
    expect(changesOf('𠮷发', '𠮷發')).toBe('2發');
    expect(withChanges('𠮷发', '2發')).toBe('𠮷發');
  });

  it('writes each character’s usual form once, and per turn only where a phrase converts it otherwise', () => {
    const text = '头发，发展，发现。';
    const file = traditionalFileOf({ turns: [{ zh: { text } }] } as unknown as Transcript);
    expect(traditionalOf(text)).toBe('頭髮，發展，發現。');
    expect(file.usual).toBe('头頭发發现現');
    expect(file.turns).toEqual(['1髮']);
    // The seed's file is less than a tenth of its text written out whole, in bytes.
    const { transcript } = corpus.find(({ slug }) => slug === 'alignment-panel')!;
    const whole = transcript.turns.map(({ zh }) => traditionalOf(zh.text));
    expect(bytes(traditionalFileOf(transcript))).toBeLessThan(bytes({ turns: whole }) / 10);
  });

  it('changes nothing with another build’s file: a change past the end, or of a Han character by another kind', () => {
    expect(withChanges('头发', '5髮')).toBeUndefined();
    expect(withChanges('a 头发', '0髮')).toBeUndefined();
    expect(withChanges('头发', '0a')).toBeUndefined();
  });

  it('converts a character at a time where a phrase would change the length', () => {
    const convert = (text: string) => text.replace('软件', '軟體軟體').replace('软', '軟');
    expect(convertAligned('用软件', convert)).toBe('用軟件');
  });
});

describe('the search’s table of Traditional characters', () => {
  const site = new Set(
    turns.flatMap((turn) => Array.from(turn.zh.text + turn.en.text)).filter(isHan),
  );
  const table = readTable(traditionalTable(site).pairs);

  it('reads a Traditional query as the Simplified text of the site', () => {
    expect(simplify('可解釋性', table)).toBe('可解释性');
    expect(simplify('模型的行為 Claude', table)).toBe('模型的行为 Claude');
  });

  it('holds only characters that differ, for characters of the site, and none the site writes itself', () => {
    expect(table.size).toBeGreaterThan(100);
    for (const [traditional, simplified] of table) {
      expect(traditional).not.toBe(simplified);
      expect(site.has(simplified)).toBe(true);
      expect(site.has(traditional)).toBe(false);
    }
    // 龍 is 龙, which the corpus never writes.
    expect(site.has('龙')).toBe(false);
    expect(table.has('龍')).toBe(false);
  });
});

describe('the text the files describe', () => {
  const text = (node: ElementContent): string =>
    node.type === 'text'
      ? node.value
      : node.type === 'element'
        ? node.children.map(text).join('')
        : '';

  it('is the text of the Chinese HTML, a paragraph a line, in every turn of the corpus', () => {
    for (const turn of turns) {
      const paragraphs = fromHtml(turn.zh.html, { fragment: true }).children.filter(
        (node): node is Element => node.type === 'element',
      );
      expect(paragraphs.map(text).join('\n')).toBe(turn.zh.text);
    }
  });
});
