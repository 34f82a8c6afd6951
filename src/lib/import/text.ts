/**
 * The text of an imported paragraph as Duet's source writes it, and the
 * joins between pieces of one paragraph.
 */

// Every character that starts inline Markdown Duet still reads (src/lib/transcript/inline.ts):
// escaped, an imported text shows as it was written, `*` and `_` included. A bracket is
// syntax only as a link's `](`: `[laughter]` stays as written, a stage direction.
const MARKDOWN = /[\\`*_]|\](?=\()/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, '\\$&');
}

const SPACES_AND_TABS = /^[ \t]+|[ \t]+$/g;

/** A line's text without the spaces and tabs at its edges, as Duet's parser reads a paragraph. */
export function paragraphOf(line: string): string {
  return line.replace(SPACES_AND_TABS, '');
}

// Chinese is written without spaces between words: a line break inside a
// Chinese sentence joins with nothing, one between English words with a space.
const CLOSE_SET = /^[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;
const CLOSE_SET_END = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]$/u;

/** Pieces of one paragraph (a cue's lines, a turn's cues) joined as the language writes them. */
export function joinPieces(pieces: readonly string[]): string {
  let joined = '';
  for (const piece of pieces) {
    if (piece === '') continue;
    const closeSet =
      joined === '' || CLOSE_SET_END.test(joined.slice(-2)) || CLOSE_SET.test(piece.slice(0, 2));
    joined += (closeSet ? '' : ' ') + piece;
  }
  return joined;
}
