/**
 * Messages about a source file, reported to its author as
 * `path:line: what is wrong and how to fix it`, or `path:line:column: …`
 * when the line is long enough that the author needs to know where in it.
 */
import { escapeForTerminal } from './quote.ts';

/** Where in a source file, and what: the shape problems and warnings share. */
export interface FileMessage {
  /** Path of the file as the author knows it, relative to the project root. */
  file: string;
  /** 1-based line in the whole file, front matter included. */
  line: number;
  /** 1-based column in characters (code points), for messages about one place in a line. */
  column?: number;
  /** What is wrong, then how to fix it. */
  message: string;
}

/**
 * Something wrong in a source file: it stops the build. `severity` may be
 * left out; it is there so that a Warning is never taken for a Problem.
 */
export interface Problem extends FileMessage {
  severity?: 'problem';
}

/** A doubt worth telling the author, such as a speaker described but never heard: it does not stop the build. */
export interface Warning extends FileMessage {
  severity: 'warning';
}

/** A message's line and text, before the file it belongs to is known. */
export type LocatedMessage = Omit<FileMessage, 'file'>;

/** One line for a terminal: whatever the file name or message holds is shown, never acted on. */
export function formatProblem(message: FileMessage): string {
  const column = message.column === undefined ? '' : `:${message.column}`;
  return escapeForTerminal(`${message.file}:${message.line}${column}: ${message.message}`);
}

/** Sorts by file, then by line and column, so every report reads top to bottom. */
export function compareProblems(a: FileMessage, b: FileMessage): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return compareLocations(a, b);
}

/** Line first, then column; a message about the whole line comes before one at a place in it. */
export function compareLocations(a: LocatedMessage, b: LocatedMessage): number {
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}
