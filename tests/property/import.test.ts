/**
 * Import never drops a character: whatever the text of two records holds
 * (Markdown's characters, CJK punctuation, odd white space, emoji and
 * combining marks), the transcript it writes shows it, as Duet's own
 * parser reads that transcript back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTranscript } from '../../src/lib/import/import.ts';
import { formatProblem } from '../../src/lib/transcript/problem.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { parameters, RUNS, timeout } from './settings.ts';

const RUNS_HERE = Math.ceil(RUNS / 5);
const options = { slug: 'sample', out: 'content/transcripts/sample.md' };
const SPEAKERS = [
  { zh: '毛宁', en: 'Mao Ning' },
  { zh: '总台央视记者', en: 'CCTV' },
  { zh: 'Josh', en: 'Josh' },
];

/** Characters that are no letters, so a text's language is its prefix's, but that Markdown, labels or white space could misread. */
const TRICKY = [
  ...'*_`[]()\\!#:：-|~，。「」…',
  ' ',
  '\t',
  '\u3000',
  '\u00A0',
  '\u0301',
  '\u200D',
  '😀',
  '𠀋',
  '1',
  '0',
];
const tricky = (excluded = '') =>
  fc
    .array(fc.constantFrom(...TRICKY.filter((character) => !excluded.includes(character))), {
      maxLength: 30,
    })
    .map((characters) => characters.join(''));
// A prefix that settles the language and holds `(`, which no name does, so no paragraph reads
// as a label; the end is open, so white space there (U+3000, a no-break space) is tried too.
const chinese = (excluded?: string) => tricky(excluded).map((text) => `（中文${text}`);
const english = (excluded?: string) => tricky(excluded).map((text) => `(Words ${text}`);
/** A paragraph as Duet keeps it: the spaces and tabs at a line's end are an editor's, not text. */
const kept = (paragraph: string) => paragraph.replace(/[ \t]+$/, '');

const label = (name: string, style: number) => [`${name}: `, `${name}：`, `**${name}:** `][style]!;

const sideText = (transcript: Transcript, language: 'zh' | 'en') =>
  transcript.turns.map((turn) => turn[language].text);

async function imported(zh: [string, string], en: [string, string]): Promise<Transcript> {
  const result = await importTranscript(
    { file: zh[0], text: zh[1] },
    { file: en[0], text: en[1] },
    options,
  );
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.transcript;
}

describe('import keeps every character', () => {
  it(
    'of two plain-text records, each paragraph as written',
    async () => {
      const turn = fc.record({
        speaker: fc.nat(SPEAKERS.length - 1),
        style: fc.nat(2),
        zh: fc.array(chinese(), { minLength: 1, maxLength: 3 }),
        en: fc.array(english(), { minLength: 1, maxLength: 3 }),
        gap: fc.constantFrom('\n', '\n\n', '\r\n', '\n \n'),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(turn, { minLength: 1, maxLength: 6 }), async (turns) => {
          const file = (language: 'zh' | 'en') =>
            turns
              .map(
                ({ speaker, style, gap, ...text }) =>
                  label(SPEAKERS[speaker]![language], style) + text[language].join(gap),
              )
              .join('\n');
          const transcript = await imported(['zh.txt', file('zh')], ['en.txt', file('en')]);
          for (const language of ['zh', 'en'] as const) {
            expect(sideText(transcript, language)).toEqual(
              turns.map((turn) => turn[language].map(kept).join('\n')),
            );
          }
          expect(transcript.turns.map((turn) => transcript.speakers[turn.speaker]!.name)).toEqual(
            turns.map(({ speaker }) => SPEAKERS[speaker]),
          );
        }),
        parameters(RUNS_HERE),
      );
    },
    timeout(RUNS_HERE),
  );

  it(
    'of two subtitle files, each cue in its turn, turns cut where the speaker changes',
    async () => {
      // `<`, `>` and `&` are WebVTT's and SubRip's own syntax: `&lt;` writes `<` there.
      const cue = fc.record({
        speaker: fc.nat(SPEAKERS.length - 1),
        named: fc.boolean(),
        zh: chinese('<>&'),
        en: english('<>&'),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(cue, { minLength: 1, maxLength: 8 }),
          fc.constantFrom('srt', 'vtt'),
          async (cues, format) => {
            // The first cue, and each where the speaker changes, names its speaker.
            const named = cues.map(
              (cue, index) => index === 0 || cue.named || cue.speaker !== cues[index - 1]!.speaker,
            );
            const stamp = (seconds: number) =>
              `00:00:${String(seconds).padStart(2, '0')}${format === 'srt' ? ',' : '.'}000`;
            const file = (language: 'zh' | 'en') =>
              (format === 'vtt' ? 'WEBVTT\n\n' : '') +
              cues
                .map((cue, index) => {
                  const name = SPEAKERS[cue.speaker]![language];
                  const text = !named[index]
                    ? cue[language]
                    : format === 'vtt'
                      ? `<v ${name}>${cue[language]}`
                      : `${name}: ${cue[language]}`;
                  return `${index + 1}\n${stamp(2 * index)} --> ${stamp(2 * index + 2)}\n${text}\n`;
                })
                .join('\n');
            const transcript = await imported(
              [`zh.${format}`, file('zh')],
              [`en.${format}`, file('en')],
            );
            const runs: { speaker: number; start: number; zh: string; en: string }[] = [];
            cues.forEach((cue, index) => {
              const last = runs.at(-1);
              if (last?.speaker === cue.speaker) {
                last.zh += cue.zh;
                last.en += cue.en;
              } else runs.push({ speaker: cue.speaker, start: 2 * index, zh: cue.zh, en: cue.en });
            });
            const visible = (text: string) => text.replace(/\s/gu, '');
            expect(
              transcript.turns.map((turn) => [
                turn.start,
                visible(turn.zh.text),
                visible(turn.en.text),
              ]),
            ).toEqual(runs.map((run) => [run.start, visible(run.zh), visible(run.en)]));
          },
        ),
        parameters(RUNS_HERE),
      );
    },
    timeout(RUNS_HERE),
  );
});
