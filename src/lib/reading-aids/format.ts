/**
 * The reading aids' files, as the build writes them and the reader page
 * reads them: per transcript, the pinyin of its Chinese text and that text
 * in Traditional characters; for the whole site, the table that lets search
 * read a Traditional query. Shared by the build (./pinyin.ts,
 * ./traditional.ts) and the browser (src/client/reading-aids/), so it holds
 * no converter.
 *
 * A turn's Chinese text is its block's `text`: the paragraphs a line apart,
 * which is what the page shows of them (src/client/turn-text.ts reads it the
 * same way). The files describe that text character by character, so the
 * page applies them to the text nodes it has, whatever inline markup splits
 * them, and changes no character but those the aid is for.
 */

/**
 * The pinyin of a transcript's Chinese text: `/<slug>/pinyin.json`. Most
 * characters read the same wherever a transcript writes them, so each
 * character's reading is written once, and a turn says only where one
 * reads otherwise in context (一 yí before a falling tone, 个 ge after 这)
 * and where its words start. A reading written at every character, with a
 * byte between two, was four times as large: the largest file of every
 * transcript but its page.
 */
export interface PinyinFile {
  /**
   * Each Han character of the transcript once (see `isHan`), followed by the
   * reading it has in most of its places, in tone marks: `这zhè个gè问wèn`;
   * nothing after a character that has no reading.
   */
  readings: string;
  /**
   * Per turn, in order, its Han characters that read otherwise than
   * `readings` says: each reading after the number of Han characters before
   * it that do not, `3ge12yí`; `NO_READING` for a character read there
   * without one.
   */
  otherReadings: string[];
  /**
   * Per turn, in order, which of its Han characters start a word (one of
   * ICU's words, src/lib/reading-aids/pinyin.ts), so the page can keep a
   * word on one line: a bit each, six to a base64 digit, the first
   * character in a digit's lowest bit (a sixth of a byte a character).
   */
  words: string[];
}

/** In `otherReadings`, a character read without a reading. */
export const NO_READING = '-';

/**
 * The value of each key that it takes most often among `pairs` (the first
 * of those it takes as often), keys in the order they first come.
 */
export function usualValues(pairs: Iterable<readonly [string, string]>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const [key, value] of pairs) {
    const values = counts.get(key) ?? new Map<string, number>();
    values.set(value, (values.get(value) ?? 0) + 1);
    counts.set(key, values);
  }
  const usual = new Map<string, string>();
  for (const [key, values] of counts) {
    let best = '';
    let most = 0;
    for (const [value, count] of values) {
      if (count > most) [best, most] = [value, count];
    }
    usual.set(key, best);
  }
  return usual;
}

/** The pinyin file's `readings`: each character with its usual reading after it. */
export function readingsTable(usual: ReadonlyMap<string, string>): string {
  let table = '';
  for (const [character, reading] of usual) table += character + reading;
  return table;
}

/** The pinyin file's `readings` as a map from each character to its usual reading. */
export function readReadings(readings: string): Map<string, string> {
  const table = new Map<string, string>();
  let character = '';
  for (const letter of readings) {
    if (isHan(letter)) {
      character = letter;
      table.set(character, '');
    } else if (character) {
      table.set(character, table.get(character) + letter);
    }
  }
  return table;
}

/** A turn's `otherReadings`: where its Han characters' readings in context differ from their usual one. */
export function otherReadingsOf(
  characters: readonly string[],
  readings: readonly string[],
  usual: ReadonlyMap<string, string>,
): string {
  let other = '';
  let kept = 0;
  characters.forEach((character, index) => {
    const reading = readings[index]!;
    if (reading === usual.get(character)) {
      kept++;
    } else {
      other += `${kept}${reading || NO_READING}`;
      kept = 0;
    }
  });
  return other;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Flags as the pinyin file's `words` writes them: six to a base64 digit, the first in its lowest bit. */
export function bitsOf(flags: readonly boolean[]): string {
  let bits = '';
  for (let at = 0; at < flags.length; at += 6) {
    let digit = 0;
    for (let bit = 0; bit < 6; bit++) if (flags[at + bit]) digit |= 1 << bit;
    bits += BASE64[digit];
  }
  return bits;
}

/** `count` flags read back from `bits`; undefined where it holds another number of them. */
export function flagsOf(bits: string, count: number): boolean[] | undefined {
  if (bits.length !== Math.ceil(count / 6)) return undefined;
  return Array.from(
    { length: count },
    (_, at) => ((BASE64.indexOf(bits[Math.floor(at / 6)]!) >> (at % 6)) & 1) === 1,
  );
}

/** The pinyin of one turn's Han characters, in order: each one's reading ('' for none), and whether it starts a word. */
export interface TurnPinyin {
  readings: string[];
  startsWord: boolean[];
}

/**
 * Turn `index`'s pinyin, from the file (its `readings` read once by
 * `readReadings`) and the turn's Chinese text as written. Undefined where
 * the file does not fit the text (another build's): a character it has no
 * reading for, or another number of characters.
 */
export function turnPinyin(
  file: PinyinFile,
  usual: ReadonlyMap<string, string>,
  index: number,
  text: string,
): TurnPinyin | undefined {
  const readings: string[] = [];
  for (const character of text) {
    if (!isHan(character)) continue;
    const reading = usual.get(character);
    if (reading === undefined) return undefined;
    readings.push(reading);
  }
  let at = 0;
  for (const [, kept, reading] of (file.otherReadings[index] ?? '').matchAll(/([0-9]+)(\D+)/gu)) {
    at += Number(kept);
    if (at >= readings.length) return undefined;
    readings[at++] = reading === NO_READING ? '' : reading!;
  }
  const startsWord = flagsOf(file.words[index] ?? '', readings.length);
  return startsWord && { readings, startsWord };
}

/**
 * A transcript's Chinese text in Traditional characters:
 * `/<slug>/traditional.json`. As the pinyin file does, it writes each
 * character's usual conversion once, and per turn only what differs from it
 * where OpenCC converts a phrase (发 is 發 in 发展 but 髮 in 头发).
 */
export interface TraditionalFile {
  /**
   * Each character the transcript's Traditional form changes in most of its
   * places, followed by what it becomes there: `这這个個发發`.
   */
  usual: string;
  /**
   * Per turn, in order, what its Traditional form changes in its text with
   * `usual`'s characters changed (`changesOf`): each character that differs,
   * after the number of characters before it that stay, `2釋2頭0髮`. The
   * Traditional text is as long as the text, character for character, so a
   * position in one is the same position in the other.
   */
  turns: string[];
}

const DIGIT = /[0-9]/;

/**
 * The changes that make `text` into `converted` (as long as it, character
 * for character), as the file writes them. The count before a change is of
 * UTF-16 code units, as a page's text nodes count; a change to a digit,
 * which the count would swallow, is left out (no conversion makes one).
 */
export function changesOf(text: string, converted: string): string {
  let changes = '';
  let kept = 0;
  for (let index = 0; index < text.length;) {
    const from = String.fromCodePoint(text.codePointAt(index)!);
    const to = String.fromCodePoint(converted.codePointAt(index)!);
    if (from !== to && !DIGIT.test(to)) {
      changes += `${kept}${to}`;
      kept = 0;
    } else {
      kept += from.length;
    }
    index += from.length;
  }
  return changes;
}

/**
 * `text` with the file's `changes` made: its Traditional form, as long as the
 * text. Undefined where they do not fit it (another build's file): a change
 * past its end, or of a character by one that is not alike (a Han character
 * by one that is not, say).
 */
export function withChanges(text: string, changes: string): string | undefined {
  let result = '';
  let at = 0;
  for (const [, kept, to] of changes.matchAll(/([0-9]+)(\D)/gu)) {
    at += Number(kept);
    const from = String.fromCodePoint(text.codePointAt(at) ?? 0);
    if (at >= text.length || from.length !== to!.length || isHan(from) !== isHan(to!)) {
      return undefined;
    }
    result += text.slice(result.length, at) + to;
    at += to!.length;
  }
  return result + text.slice(at);
}

/** The tag of pinyin: Chinese in Latin letters (BCP 47). */
export const PINYIN_TAG = 'zh-Latn-pinyin';

/** The tag of Chinese text shown in Traditional characters (the text as written is `zh-Hans`). */
export const TRADITIONAL_TAG = 'zh-Hant';

/** The files' names in a reader page's folder (src/pages/[slug]/). */
export const PINYIN_FILE = 'pinyin.json';
export const TRADITIONAL_FILE = 'traditional.json';

/**
 * The table that maps a Traditional query to the Simplified text it is
 * meant to find, in the site index's folder: one string of pairs, each a
 * Traditional character followed by its Simplified one, for just the
 * characters of the site's text that differ.
 */
export const TRADITIONAL_TABLE = 'traditional.json';

export interface TraditionalTable {
  /** Pairs of characters: a Traditional one, then the Simplified one it stands for. */
  pairs: string;
}

const han = /\p{Script=Han}/u;

/** Whether a character (one code point) is a Han character: the ones the aids read and convert. */
export function isHan(character: string): boolean {
  return han.test(character);
}

/** How many Han characters a text holds. */
export function countHan(text: string): number {
  let count = 0;
  for (const character of text) if (isHan(character)) count++;
  return count;
}

/** Pairs of characters as a map from the first of each to the second: the search's table, from Traditional to Simplified; the Traditional file's `usual`, from Simplified to Traditional. */
export function readTable(pairs: string): Map<string, string> {
  const characters = Array.from(pairs);
  const table = new Map<string, string>();
  for (let index = 0; index + 1 < characters.length; index += 2) {
    table.set(characters[index]!, characters[index + 1]!);
  }
  return table;
}

/** A text with each character the table knows replaced by what it maps it to. */
export function replaceEach(text: string, table: ReadonlyMap<string, string>): string {
  let result = '';
  for (const character of text) result += table.get(character) ?? character;
  return result;
}

/** A query with each Traditional character the table knows in its Simplified form. */
export const simplify = replaceEach;
