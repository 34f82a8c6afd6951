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
