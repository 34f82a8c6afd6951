/**
 * The snippet under a search result: a window of the turn's text around
 * its matches, as plain text pieces to be put on the page as text nodes,
 * so nothing in a transcript is ever read as HTML.
 */
import { matchRanges } from './matches.ts';

export interface ExcerptPiece {
  text: string;
  marked: boolean;
}

/** Characters shown around the first match; Chinese packs more into each. */
const WINDOW = { zh: 70, en: 180 } as const;

/** Moves an offset off the middle of a surrogate pair. */
function safe(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

/** Starts a window at a word boundary for Latin text. */
function wordStart(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const space = text.lastIndexOf(' ', offset);
  return space >= 0 && offset - space < 20 ? space + 1 : offset;
}

function wordEnd(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const space = text.indexOf(' ', offset);
  return space >= 0 && space - offset < 20 ? space : offset;
}

/**
 * The text around the densest stretch of the words to mark, on one line,
 * `…` where it was cut, with those words marked.
 */
export function snippet(
  source: string,
  marks: readonly string[],
  language: 'zh' | 'en',
): ExcerptPiece[] {
  const text = source.replace(/\s+/g, ' ');
  const size = WINDOW[language];
  const ranges = matchRanges(text, marks);
  let start = 0;
  let best = -1;
  for (const range of ranges) {
    const from = Math.max(0, range.start - Math.floor(size / 4));
    const count = ranges.filter((other) => other.start >= from && other.end <= from + size).length;
    if (count > best) {
      best = count;
      start = from;
    }
  }
  // A short text is shown whole; a window near the end is moved back to stay full.
  start = Math.min(start, Math.max(0, text.length - size));
  start = safe(text, language === 'en' ? wordStart(text, start) : start);
  let end = Math.min(text.length, start + size);
  end = safe(text, language === 'en' ? wordEnd(text, end) : end);

  const pieces: ExcerptPiece[] = [];
  if (start > 0) pieces.push({ text: '…', marked: false });
  let at = start;
  for (const range of ranges) {
    if (range.end <= start || range.start >= end) continue;
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    pieces.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), marked: false });
  if (end < text.length) pieces.push({ text: '…', marked: false });
  return pieces;
}
