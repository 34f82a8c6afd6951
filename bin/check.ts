/**
 * `npm run check [folder]`: checks every transcript without building the
 * site, with the very function the build's loader calls, and prints every
 * problem and warning as `file:line: message`, then a summary. Exits 1 when
 * there is a problem, 0 otherwise (warnings alone do not fail).
 */
import path from 'node:path';
import { readTranscripts, type ReadResult } from '../src/lib/transcript/files.ts';
import { ContentError } from '../src/lib/transcript/content-error.ts';
import { compareProblems, formatProblem } from '../src/lib/transcript/problem.ts';

const DEFAULT_FOLDER = 'content/transcripts';
const root = path.resolve(import.meta.dirname, '..');
// A folder given on the command line is where the author typed it from.
const folder = path.resolve(process.argv[2] ?? path.join(root, DEFAULT_FOLDER));

let result: ReadResult;
try {
  // The site's public/, where a recording named by a path under the site must be, as in the build.
  result = await readTranscripts(folder, root, { publicFolder: path.join(root, 'public') });
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const { problems, warnings } = result;
const report = [
  ...problems,
  ...warnings.map((warning) => ({ ...warning, message: `warning: ${warning.message}` })),
].sort(compareProblems);
for (const message of report) console.log(formatProblem(message));
console.log(summary(result));
process.exitCode = problems.length > 0 ? 1 : 0;

/** "2 problems in 1 of 3 transcripts", or "3 transcripts checked, no problems", and any warnings. */
function summary({ files, problems, warnings }: ReadResult): string {
  const transcripts = count(files.length, 'transcript');
  const found =
    problems.length === 0
      ? `${transcripts} checked, no problems`
      : `${count(problems.length, 'problem')} in ${new Set(problems.map((p) => p.file)).size} of ${transcripts}`;
  return warnings.length === 0 ? found : `${found}, ${count(warnings.length, 'warning')}`;
}

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}
