/**
 * An error about content, for its author: the message says everything, so
 * no stack trace into the build's own code is printed below it.
 */
import { formatProblem, type Problem } from './problem.ts';

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
