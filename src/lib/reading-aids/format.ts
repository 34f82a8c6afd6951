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

/** The pinyin of a transcript's Chinese text: `/<slug>/pinyin.json`. */
export interface PinyinFile {
  /**
   * Per turn, in order, the readings of the Han characters of its Chinese
   * text (see `isHan`), one per character, in tone marks, read in context:
   * those of one word joined by `-`, words a space apart (`zhè-ge wèn-tí qù
   * wèn`), so the page can keep a word on one line; nothing between two
   * separators for a character that has no reading. A string rather than
   * a list: a third fewer bytes for every transcript of the site, and the
   * words cost no byte, as every two readings had a space between them.
   */
  turns: string[];
}

/** Between the readings of two characters of one word, and between two words, in the pinyin file. */
export const IN_WORD = '-';
export const BETWEEN_WORDS = ' ';

/** A turn's readings as the pinyin file writes them: its words, each the readings of its Han characters. */
export function wordsIn(turn: string): string[][] {
  return turn.split(BETWEEN_WORDS).map((word) => word.split(IN_WORD));
}

/** A transcript's Chinese text in Traditional characters: `/<slug>/traditional.json`. */
export interface TraditionalFile {
  /**
   * Per turn, in order, what its Traditional form changes (`changesOf`): each
   * character that differs, after the number of characters before it that
   * stay as written, `2釋2頭0髮` for 可解释性 头发. The Traditional text is
   * as long as the text, character for character, so a position in one is
   * the same position in the other; written out whole, it repeated every
   * character that stays (English words, punctuation, most Han characters),
   * and was nearly three times as large.
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

/** The table's pairs as a map from Traditional to Simplified. */
export function readTable(pairs: string): Map<string, string> {
  const characters = Array.from(pairs);
  const table = new Map<string, string>();
  for (let index = 0; index + 1 < characters.length; index += 2) {
    table.set(characters[index]!, characters[index + 1]!);
  }
  return table;
}

/** A query with each Traditional character the table knows in its Simplified form. */
export function simplify(query: string, table: ReadonlyMap<string, string>): string {
  let result = '';
  for (const character of query) result += table.get(character) ?? character;
  return result;
}
