/**
 * A problem in a source file, reported to its author as
 * `path:line: what is wrong and how to fix it`.
 */
export interface Problem {
  /** Path of the file as the author knows it, relative to the project root. */
  file: string;
  /** 1-based line in the whole file, front matter included. */
  line: number;
  /** What is wrong, then how to fix it. */
  message: string;
}

/** A problem's line and message, before the file it belongs to is known. */
export type LocatedMessage = Omit<Problem, 'file'>;

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Sorts by file, then by line, so every report reads top to bottom. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
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
