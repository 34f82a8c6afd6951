/**
 * The parser's promises (CONTRACT.md, "Source files" and "Bad input")
 * checked on generated edits of the corpus.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import type { Warning } from '../../src/lib/transcript/problem.ts';
import { transcriptSchema } from '../../src/lib/transcript/schema.ts';
import {
  charactersThatStay,
  expectedBlocks,
  isSubsequence,
  linesOf,
  MARKDOWN_SIGNIFICANT,
  whiteLines,
} from './expected.ts';
import { edgeCharacter, mutatedFile } from './mutations.ts';
import { blocksOf, mostlyValid, onAccepted, parse, problemList, problemsOf } from './parsing.ts';
import { parameters, timeout } from './settings.ts';
import { show } from './show.ts';

/** A line read as blank although it held white space the author typed is named by a warning. */
function expectWhiteLinesTold(source: string, warnings: readonly Warning[]) {
  const told = warnings
    .filter((warning) => warning.message.startsWith('the text of this line is only white space'))
    .map((warning) => warning.line);
  expect(told, 'lines of white space read as blank, each told').toEqual(whiteLines(source));
}

describe('parseTranscript on edited corpus files', () => {
  it(
    'never throws: it returns a transcript with turns, or problems',
    () => {
      fc.assert(
        fc.property(mutatedFile, (sample) => {
          const result = parse(sample);
          if (result.ok) expect(result.transcript.turns.length).toBeGreaterThan(0);
          else expect(result.problems.length).toBeGreaterThan(0);
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'places every problem and warning on a line of the file, and a column inside that line',
    () => {
      fc.assert(
        fc.property(mutatedFile, (sample) => {
          const lines = linesOf(sample.source);
          for (const problem of problemsOf(parse(sample))) {
            const where = `${problem.line}:${problem.column}: ${problem.message}`;
            expect(problem.file, where).toBe(sample.file);
            expect(Number.isInteger(problem.line), where).toBe(true);
            expect(problem.line, where).toBeGreaterThanOrEqual(1);
            expect(problem.line, where).toBeLessThanOrEqual(lines.length);
            if (problem.column === undefined) continue;
            expect(Number.isInteger(problem.column), where).toBe(true);
            expect(problem.column, where).toBeGreaterThanOrEqual(1);
            expect(problem.column, where).toBeLessThanOrEqual(
              [...lines[problem.line - 1]!].length + 1,
            );
          }
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'keeps every character of an accepted file: each text line is one paragraph, as written, its label naming the turn’s speaker',
    () => {
      onAccepted(mostlyValid, (transcript, sample, warnings) => {
        const actual = blocksOf(transcript).map(({ line, speaker, paragraphs }) => ({
          line,
          speaker: speaker.trim(),
          paragraphs,
        }));
        // A label is the speaker's key, or a name the front matter gives them.
        const named = (label: string) =>
          Object.entries(transcript.speakers).find(
            ([key, { name }]) => label === key || label === name.zh || label === name.en,
          )?.[0] ?? label;
        const expected = expectedBlocks(sample.source).map((block) => ({
          ...block,
          speaker: named(block.speaker),
        }));
        expect(actual.map(showBlock)).toEqual(expected.map(showBlock));
        expectWhiteLinesTold(sample.source, warnings);
      });
    },
    timeout(),
  );

  it(
    'keeps U+3000, U+00A0 and U+FEFF at the start and end of a text',
    () => {
      fc.assert(
        fc.property(edgeCharacter, (sample) => {
          const result = parse(sample);
          if (!result.ok) return expect(result.ok, problemList(result.problems)).toBe(true);
          const actual = blocksOf(result.transcript).map((block) => block.paragraphs.map(show));
          expect(actual).toEqual(
            expectedBlocks(sample.source).map((block) => block.paragraphs.map(show)),
          );
          expectWhiteLinesTold(sample.source, result.warnings);
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'shows each paragraph with only its Markdown syntax left out',
    () => {
      onAccepted(mostlyValid, (transcript) => {
        for (const block of blocksOf(transcript)) {
          const shown = block.text.split('\n');
          expect(shown.length, `${block.line}: one line of text per paragraph`).toBe(
            block.paragraphs.length,
          );
          block.paragraphs.forEach((paragraph, index) => {
            const text = shown[index]!;
            const where = `${block.line}: paragraph ${show(paragraph)} shown as ${show(text)}`;
            if (!MARKDOWN_SIGNIFICANT.test(paragraph)) {
              expect(show(text), where).toBe(show(paragraph));
              return;
            }
            expect(isSubsequence([...text], [...paragraph]), `${where} adds characters`).toBe(true);
            const kept = charactersThatStay(paragraph);
            expect(isSubsequence(kept, [...text]), `${where} loses characters`).toBe(true);
          });
        }
      });
    },
    timeout(),
  );

  it(
    'gives the same result for the same input, whatever was parsed in between',
    () => {
      fc.assert(
        fc.property(mutatedFile, mutatedFile, (sample, other) => {
          const first = parse(sample);
          parse(other);
          expect(parse(sample)).toStrictEqual(first);
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'reads CRLF line endings and a leading byte-order mark as it reads LF without one',
    () => {
      fc.assert(
        fc.property(mutatedFile, (sample) => {
          const plain = sample.source.replace(/^\uFEFF+/, '');
          const read = (source: string) =>
            parseTranscript(source, { file: sample.file, slug: sample.slug });
          const expected = read(plain);
          // Only a bare LF becomes CRLF: a CR before it already made it one.
          expect(read(plain.replace(/(?<!\r)\n/g, '\r\n'))).toStrictEqual(expected);
          expect(read(`\uFEFF${plain}`)).toStrictEqual(expected);
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'reports problems top to bottom, each once',
    () => {
      fc.assert(
        fc.property(mutatedFile, (sample) => {
          const problems = problemsOf(parse(sample));
          const places = problems.map((problem) => [problem.line, problem.column ?? 0]);
          const sorted = places.toSorted(
            ([lineA, columnA], [lineB, columnB]) => lineA! - lineB! || columnA! - columnB!,
          );
          expect(places).toEqual(sorted);
          const written = problems.map(
            (problem) => `${problem.line}:${problem.column}: ${problem.message}`,
          );
          expect(written).toEqual([...new Set(written)]);
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'writes each message as one line that a terminal shows as it is',
    () => {
      // A raw CR, ESC or bidi override quoted from the source would rewrite
      // or reorder what the author reads, and a line break would split the
      // one-line `file:line: message` report.
      const unprintable = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/u;
      fc.assert(
        fc.property(mutatedFile, (sample) => {
          for (const { message } of problemsOf(parse(sample))) {
            expect(message.trim(), show(message)).not.toBe('');
            expect(unprintable.test(message.replaceAll('\t', ' ')), show(message)).toBe(false);
          }
        }),
        parameters(),
      );
    },
    timeout(),
  );

  it(
    'numbers the turns from 1 in source order, each two neighbouring blocks by one speaker, Chinese and English',
    () => {
      onAccepted(mostlyValid, (transcript, sample) => {
        expect(transcriptSchema.safeParse(transcript).error).toBeUndefined();
        const lines = expectedBlocks(sample.source).map((block) => block.line);
        transcript.turns.forEach((turn, index) => {
          expect(turn.number).toBe(index + 1);
          const [first, second] = [turn.zh.line, turn.en.line].sort((a, b) => a - b);
          expect(lines.indexOf(second!), `turn ${turn.number}`).toBe(lines.indexOf(first!) + 1);
          expect(lines.indexOf(first!), `turn ${turn.number}`).toBe(2 * index);
          // The contract: the Chinese block has the larger share of Han characters, at least 5%.
          expect(hanShare(turn.zh.text)).toBeGreaterThan(hanShare(turn.en.text));
          expect(hanShare(turn.zh.text)).toBeGreaterThanOrEqual(0.05);
        });
      });
    },
    timeout(),
  );
});

describe('the language of a pair, as the contract decides it', () => {
  // Two blocks by one speaker with given numbers of Han characters and
  // Latin letters: a turn exactly when the shares differ, the larger is at
  // least 5%, and both blocks have letters.
  const block = fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
    .map(([han, latin]) => ({
      han,
      latin,
      text: `${'中'.repeat(han)} ${'x'.repeat(latin)}`.trim() || '…',
    }));

  it(
    'pairs two blocks when one has the larger share of Han characters, at least 5%',
    () => {
      fc.assert(
        fc.property(block, block, (a, b) => {
          const result = parseTranscript(`**Ada:** ${a.text}\n**Ada:** ${b.text}\n`, {
            file: 'content/transcripts/pair.md',
            slug: 'pair',
          });
          const shareA = a.han / (a.han + a.latin);
          const shareB = b.han / (b.han + b.latin);
          const pairs =
            a.han + a.latin > 0 &&
            b.han + b.latin > 0 &&
            shareA !== shareB &&
            Math.max(shareA, shareB) >= 0.05;
          const what = result.ok
            ? `a turn whose Chinese is ${result.transcript.turns[0]!.zh.text}`
            : problemList(result.problems);
          if (!pairs) expect(result.ok, what).toBe(false);
          else expect(what).toBe(`a turn whose Chinese is ${shareA > shareB ? a.text : b.text}`);
        }),
        parameters(),
      );
    },
    timeout(),
  );
});

/** Han characters among Han characters and Latin letters, as the contract counts them. */
function hanShare(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/(?=\p{L})\p{Script=Latin}/gu)?.length ?? 0;
  return han + latin === 0 ? 0 : han / (han + latin);
}

function showBlock(block: { line: number; speaker: string; paragraphs: string[] }) {
  return { line: block.line, speaker: show(block.speaker), paragraphs: block.paragraphs.map(show) };
}
