/**
 * The pinyin of a transcript's Chinese text, read at build time by
 * pinyin-pro, which reads a polyphone by the words around it (行为 xíng wéi,
 * 觉得 jué de, 还是 hái shì), and grouped into words by ICU's dictionary
 * segmenter (`Intl.Segmenter`, which Node ships with full ICU), so the page
 * keeps a word on one line. pinyin-pro's own segmentation is no word
 * grouping: it joins only the words its polyphone dictionary holds, and
 * cuts the seed's 6,918 Han characters into 6,717 "words", 6,525 of them one
 * character (问题, 非常, 时间 among them), where ICU finds 4,221 words, 1,634
 * of them one character. pinyin-pro is far too large for the browser: the page fetches
 * what this writes (./format.ts), and only when asked for pinyin.
 */
import { pinyin } from 'pinyin-pro';
import type { Transcript } from '../transcript/schema.ts';
import {
  bitsOf,
  isHan,
  otherReadingsOf,
  readingsTable,
  usualValues,
  type PinyinFile,
} from './format.ts';

/**
 * pinyin-pro's fewest-words segmentation (`TokenizationAlgorithm.MinTokenization`, a const
 * enum it does not export). On the test corpus it reads 挑战 tiǎo zhàn and 将是 jiāng shì where
 * the reverse maximum match does not, and 觉得 jué de and 这个 zhè ge where the default, the most
 * probable segmentation, reads jué dé and zhè gè.
 */
const FEWEST_WORDS = 3;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The reading of each Han character of a text, in order, in tone marks;
 * '' for one pinyin-pro cannot read. The whole text is read at once, so a
 * word's characters are read together across inline markup and lines.
 */
export function readingsOf(text: string): string[] {
  const characters = Array.from(text);
  // One entry per character, a character it cannot read (Han or not) given as itself; were it
  // ever not so, each character is read alone. (`type: 'all'` names each entry's character, but
  // takes ten times as long.)
  let entries: string[] = pinyin(text, { type: 'array', segmentit: FEWEST_WORDS });
  if (entries.length !== characters.length) {
    entries = characters.map((character) => pinyin(character));
  }
  const readings: string[] = [];
  characters.forEach((character, index) => {
    if (!isHan(character)) return;
    const reading = entries[index] ?? '';
    readings.push(reading === character ? '' : reading);
  });
  return readings;
}

/**
 * For each Han character of a text, in order, whether it starts a word: it
 * is the first Han character of one of ICU's words, or follows a character
 * that is not Han (a word of Chinese stops at Latin letters, digits or
 * punctuation, whatever ICU joins to it).
 */
export function wordStarts(text: string): boolean[] {
  const starts: boolean[] = [];
  for (const { segment } of segmenter.segment(text)) {
    let afterHan = false;
    for (const character of segment) {
      const han = isHan(character);
      if (han) starts.push(!afterHan);
      afterHan = han;
    }
  }
  return starts;
}

export function pinyinFileOf(transcript: Transcript): PinyinFile {
  const turns = transcript.turns.map(({ zh }) => ({
    characters: Array.from(zh.text).filter(isHan),
    readings: readingsOf(zh.text),
    starts: wordStarts(zh.text),
  }));
  const usual = usualValues(
    turns.flatMap(({ characters, readings }) =>
      characters.map((character, index) => [character, readings[index]!] as const),
    ),
  );
  return {
    readings: readingsTable(usual),
    otherReadings: turns.map(({ characters, readings }) =>
      otherReadingsOf(characters, readings, usual),
    ),
    words: turns.map(({ starts }) => bitsOf(starts)),
  };
}

/**
 * A glossary term's pinyin, as the glossary pages and the marks' tooltips
 * show it: word by word (ICU's words, as in the pinyin file), each word's
 * syllables a space apart, read as one text (可解释性: kě, jiě shì, xìng);
 * letters and marks that are not Han as written, a word of their own (冯·诺依曼:
 * féng, ·, nuò, yī, màn). The words a space apart are what pinyin-pro writes
 * of the term, its runs of spaces aside.
 */
export function termPinyin(term: string): string[] {
  const readings = readingsOf(term);
  const starts = wordStarts(term);
  const words: string[] = [];
  let next = 0;
  let previous: 'han' | 'other' | 'space' = 'space';
  for (const character of term) {
    const han = isHan(character);
    const kind = han ? 'han' : /\s/u.test(character) ? 'space' : 'other';
    // A character pinyin-pro cannot read stands for itself.
    const written = han ? readings[next] || character : character;
    const startsWord = han && starts[next++];
    if (kind === previous && !startsWord) {
      words[words.length - 1] += han ? ` ${written}` : written;
    } else if (kind !== 'space') {
      words.push(written);
    }
    previous = kind;
  }
  return words;
}
