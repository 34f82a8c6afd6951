/**
 * Captions, `/<slug>/captions.<zh|en>.vtt`, read back with a real WebVTT
 * parser (media-captions, the one import reads subtitles with): a cue per
 * timed turn, from its start to the next turn's, the speaker as its voice,
 * the text as the reader sees it, whatever characters it holds.
 */
import { describe, expect, it } from 'vitest';
import { captionsOf, escapeCueText } from '../../src/lib/captions.ts';
import { languages, type Language } from '../../src/lib/transcript/language.ts';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { nameOf } from '../../src/lib/transcript/speakers.ts';
import { readCaptions } from '../support/captions.ts';
import { transcript as corpusTranscript } from '../support/corpus.ts';

function parsed(source: string): Transcript {
  const result = parseTranscript(source, { file: 'test.md', slug: 'test' });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.transcript;
}

describe('captions', () => {
  const { transcript } = corpusTranscript('timed-talk');

  it.each(languages)(
    'give each timed turn a cue, its speaker the voice, its text intact (%s)',
    async (language: Language) => {
      const cues = await readCaptions(captionsOf(transcript, language));
      const { turns } = transcript;
      expect(turns.every((turn) => turn.start !== undefined)).toBe(true);
      expect(cues).toEqual(
        turns.map((turn, index) => ({
          id: `turn-${turn.number}`,
          start: turn.start,
          end: turns[index + 1]?.start ?? cues.at(-1)!.end,
          voice: nameOf(transcript.speakers, turn.speaker)[language],
          text: turn[language].text,
        })),
      );
      // The fixture's fourth turn holds `<b>`, `-->` and `&`, and two paragraphs.
      expect(cues[3]!.text).toContain('a --> b');
      expect(cues[3]!.text.split('\n')).toHaveLength(2);
    },
  );

  it('end the last cue after the time its turn takes to say, in the slower language', async () => {
    const source = (english: string) =>
      parsed(`**A [1:00]:** 你好。\n**A:** Hi.\n**A [1:10]:** 好。\n**A:** ${english}\n`);
    const [, short] = await readCaptions(captionsOf(source('Yes.'), 'en'));
    expect(short!.end - short!.start).toBe(2);
    // Fifty words at 2.5 a second: twenty seconds, in the Chinese file too.
    const long = source(Array(50).fill('word').join(' '));
    for (const language of languages) {
      const [, last] = await readCaptions(captionsOf(long, language));
      expect(last!.end - last!.start).toBe(20);
    }
  });

  it('give turns without a time no cue, and turns starting together the next later start as their end', async () => {
    const cues = await readCaptions(
      captionsOf(
        parsed(
          [
            '**A [0:10]:** 一。\n**A:** One.',
            '**B:** 二。\n**B:** Two.',
            '**A [0:20]:** 三。\n**A:** Three.',
            '**B [0:20]:** 四。\n**B:** Four.',
            '**A [0:30]:** 五。\n**A:** Five.',
          ].join('\n'),
        ),
        'en',
      ),
    );
    expect(cues.map(({ id, start, end }) => [id, start, end])).toEqual([
      ['turn-1', 10, 20],
      ['turn-3', 20, 30],
      ['turn-4', 20, 30],
      ['turn-5', 30, 32],
    ]);
  });

  it('escape what WebVTT would read as markup or as a timing, in the text and in the voice', async () => {
    const hostile = [
      '00:00:01.000 --> 00:00:02.000',
      '</v><v Someone else>&amp; &lt; <00:00:05.000> <c.x>WEBVTT',
      'NOTE -->',
      'a --> b & c <i>',
      // A link around nothing: a paragraph a reader sees as blank, which would end the cue.
      '[ ](https://example.com)',
    ];
    expect(escapeCueText(hostile.join('\n'))).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    const seen = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
    const name = 'Q <&> -->';
    const transcript = parsed(
      [
        `**${name} [0:01]:** 中文。 ${hostile[0]}`,
        ...hostile.slice(1),
        `**${name}:** English. ${hostile[0]}`,
        ...hostile.slice(1),
        `**${name} [0:09]:** 后来。`,
        `**${name}:** Later.`,
      ].join('\n'),
    );
    for (const language of languages) {
      const cues = await readCaptions(captionsOf(transcript, language));
      expect(cues.map((cue) => [cue.voice, cue.text.split('\n')])).toEqual(
        transcript.turns.map((turn) => [name, seen(turn[language].text)]),
      );
      expect(transcript.turns[0]![language].text.split('\n')).toHaveLength(hostile.length);
    }
  });
});
