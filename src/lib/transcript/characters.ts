/**
 * Characters a page cannot show: control characters other than tab (a
 * carriage return without a line feed is refused by inline.ts, which says
 * why Markdown cannot keep it). A browser drops or replaces
 * them, so the text on the page would differ from the source without
 * anyone seeing why; the author is told where they are instead.
 */
import { columnAt } from './column.ts';
import type { LocatedMessage } from './problem.ts';
import type { SourceLine } from './source.ts';

// C0 controls but tab, LF and CR; DEL; the C1 controls, which are most often
// Windows-1252 quotes and dashes decoded as Latin-1 somewhere along the way.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

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
      message: `the invisible control character ${codePoint(first[0])} cannot be shown on a page${more}: delete it, or type the character that was meant`,
    });
  }
  return problems;
}

/** `U+3000`: how a message names a character a reader cannot see. */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
