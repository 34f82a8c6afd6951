/**
 * Characters a page cannot show: control characters other than tab, and a
 * carriage return without a line feed after it. A browser drops or replaces
 * them, so the text on the page would differ from the source without
 * anyone seeing why; the author is told where they are instead.
 */
import { columnAt } from './column.ts';
import type { LocatedMessage } from './problem.ts';
import type { SourceLine } from './source.ts';

// C0 controls but tab and LF; DEL; the C1 controls, which are most often
// Windows-1252 quotes and dashes decoded as Latin-1 somewhere along the way.
// A CR here is one without a line feed: CRLF ends a line and is never in its text.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const CONTROL = new RegExp(CONTROL_CHARACTER.source, 'g');
const CR = '\r';

/** Whether a line's text holds a control character, which checkCharacters reports. */
export function hasControl(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

export function checkCharacters(lines: readonly SourceLine[]): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  for (const { line, text } of lines) {
    const found = [...text.matchAll(CONTROL)];
    const first = found[0];
    if (!first) continue;
    const more = found.length > 1 ? ` (and ${found.length - 1} more on this line)` : '';
    problems.push({
      line,
      column: columnAt(text, first.index),
      message:
        first[0] === CR
          ? // Most often an old Mac line ending; Markdown and YAML would read it as one.
            `this line holds a carriage return (U+000D) without a line feed after it${more}, which would be read as the end of a line and so change the text: end each line with LF or CRLF, as an editor does when it saves with Unix or Windows line endings, or delete the character`
          : `the invisible control character ${codePoint(first[0])} cannot be shown on a page${more}: delete it, or type the character that was meant`,
    });
  }
  return problems;
}

/** `U+3000`: how a message names a character a reader cannot see. */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
