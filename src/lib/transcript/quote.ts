/**
 * Source text quoted in a message, cut short when long: a label or link
 * of thousands of characters would bury the message that quotes it.
 */
const QUOTE_LENGTH = 60;

export function quote(text: string): string {
  const characters = [...text];
  return characters.length <= QUOTE_LENGTH
    ? text
    : `${characters.slice(0, QUOTE_LENGTH - 1).join('')}…`;
}
