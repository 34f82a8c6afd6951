/**
 * The reader's saved words, as the browser keeps them (src/client/dictionary/saved.ts)
 * and the word list exports them: a CSV file that Anki imports, one note a row.
 */

export interface SavedWord {
  word: string;
  pinyin: string;
  /** Its definitions, `; ` apart, or the glossary's English, or nothing. */
  definition: string;
  /** The sentence of the turn it was saved from. */
  sentence: string;
  /** The turn's address, `…/<slug>/#turn-N`. */
  link: string;
}

/** The word list's key in the browser's storage. */
export const SAVED_KEY = 'duet-words';

export const CSV_COLUMNS = ['word', 'pinyin', 'definition', 'sentence', 'link'] as const;

/** A field as RFC 4180 writes it: quoted when it holds a quote, a comma or a line break, quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The words as CSV: a header row, then a row per word, lines ended by CRLF. */
export function toCsv(words: readonly SavedWord[]): string {
  const rows = [
    CSV_COLUMNS.join(','),
    ...words.map((w) => CSV_COLUMNS.map((c) => field(w[c])).join(',')),
  ];
  return rows.map((row) => `${row}\r\n`).join('');
}

const ends = /[。！？!?；;…\n]/u;

/** The sentence of `text` that holds the place `at`: from after the last end before it to its next end, included. */
export function sentenceAt(text: string, at: number): string {
  let start = at;
  while (start > 0 && !ends.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !ends.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return text.slice(start, end).trim();
}
