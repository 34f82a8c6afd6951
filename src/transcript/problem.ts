/**
 * A problem in a source file, reported to its author as
 * `path:line: what is wrong and how to fix it`, or `path:line:column: …`
 * when the line is long enough that the author needs to know where in it.
 */
export interface Problem {
  /** Path of the file as the author knows it, relative to the project root. */
  file: string;
  /** 1-based line in the whole file, front matter included. */
  line: number;
  /** 1-based column in characters (code points), for problems at one place in a line. */
  column?: number;
  /** What is wrong, then how to fix it. */
  message: string;
}

/** A problem's line and message, before the file it belongs to is known. */
export type LocatedMessage = Omit<Problem, 'file'>;

export function formatProblem(problem: Problem): string {
  const column = problem.column === undefined ? '' : `:${problem.column}`;
  return `${problem.file}:${problem.line}${column}: ${problem.message}`;
}

/** Sorts by file, then by line and column, so every report reads top to bottom. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return compareLocations(a, b);
}

/** Line first, then column; a problem about the whole line comes before one at a place in it. */
export function compareLocations(a: LocatedMessage, b: LocatedMessage): number {
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

const EXCERPT_LENGTH = 60;

/**
 * Source text quoted in a message, cut short when long: a label or link
 * of thousands of characters would bury the message that quotes it.
 */
export function excerpt(text: string): string {
  const characters = [...text];
  return characters.length <= EXCERPT_LENGTH
    ? text
    : `${characters.slice(0, EXCERPT_LENGTH - 1).join('')}…`;
}

/** The 1-based column, in characters, of a UTF-16 index into a line. */
export function columnAt(line: string, index: number): number {
  return [...line.slice(0, index)].length + 1;
}

/**
 * An error about content, for its author: the message says everything, so
 * no stack trace into the build's own code is printed below it.
 */
export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
    this.stack = '';
  }
}

/** One error carrying every problem, one `file:line: message` line each. */
export function problemsError(problems: readonly Problem[]): ContentError {
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  return new ContentError(
    `${count} in the transcripts:\n${problems.map(formatProblem).join('\n')}`,
  );
}
