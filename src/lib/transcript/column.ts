/** The 1-based column, in characters (code points), of a UTF-16 index into a line. */
export function columnAt(line: string, index: number): number {
  return [...line.slice(0, index)].length + 1;
}
