/**
 * Source text inside a message. Messages are printed to a terminal, so
 * whatever a terminal would act on instead of showing is written out as
 * `\u{1B}`; and long text is cut short, since a label or link of thousands
 * of characters would bury the message that quotes it.
 */
const QUOTE_LENGTH = 60;

// C0 controls (tab and line feed too: a message is one line), DEL and C1: ESC
// starts colour and cursor codes, CR moves back over the message. The
// bidirectional controls and marks reorder what is shown ("Trojan Source"),
// and the line and paragraph separators break lines in some tools.
const UNPRINTABLE =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** Text as a terminal can show it, every character still there to read. */
export function escapeForTerminal(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (character) => `\\u{${character.codePointAt(0)!.toString(16).toUpperCase()}}`,
  );
}

export function quote(text: string): string {
  const characters = [...text];
  const short =
    characters.length <= QUOTE_LENGTH ? text : `${characters.slice(0, QUOTE_LENGTH - 1).join('')}…`;
  return escapeForTerminal(short);
}
