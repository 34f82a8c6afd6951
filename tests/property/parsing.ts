/** Parsing generated samples, shared by the property tests. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { parseTranscript, type ParseResult } from '../../src/lib/transcript/parse.ts';
import type { Problem, Warning } from '../../src/lib/transcript/problem.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { editedText, mutatedFile, type Sample } from './mutations.ts';
import { parameters } from './settings.ts';
import { show } from './show.ts';

export const parse = (sample: Sample): ParseResult =>
  parseTranscript(sample.source, { file: sample.file, slug: sample.slug });

/** Problems of a rejected file, warnings of an accepted one: everything located. */
export const problemsOf = (result: ParseResult): (Problem | Warning)[] =>
  result.ok ? result.warnings : result.problems;

/** Edits of any kind, and edits of the text alone, of which most files stay valid. */
export const mostlyValid = fc.oneof(mutatedFile, editedText);

/**
 * A property of accepted files checks nothing on a rejected one, so
 * onAccepted counts the accepted files and requires this share of the runs.
 */
const ACCEPTED_SHARE = 0.25;

/** Checks `check` on every sample the parser accepts, and that enough were accepted to mean something. */
export function onAccepted(
  samples: fc.Arbitrary<Sample>,
  check: (transcript: Transcript, sample: Sample, warnings: readonly Warning[]) => void,
): void {
  let accepted = 0;
  let runs = 0;
  fc.assert(
    fc.property(samples, (sample) => {
      runs++;
      const result = parse(sample);
      if (!result.ok) return;
      accepted++;
      check(result.transcript, sample, result.warnings);
    }),
    parameters(),
  );
  expect(accepted, `accepted ${accepted} of ${runs} generated files`).toBeGreaterThanOrEqual(
    runs * ACCEPTED_SHARE,
  );
}

/** The blocks of the turns, each with its speaker, in source order. */
export function blocksOf(transcript: Transcript) {
  return transcript.turns
    .flatMap((turn) => [turn.zh, turn.en].map((block) => ({ ...block, speaker: turn.speaker })))
    .sort((a, b) => a.line - b.line);
}

/** Problems, one a line, invisible characters escaped, for a failure's message. */
export function problemList(problems: readonly Problem[]): string {
  return problems.map((problem) => `${problem.line}: ${show(problem.message)}`).join('\n');
}
