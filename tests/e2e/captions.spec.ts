/**
 * `/<slug>/captions.<zh|en>.vtt` as the site serves them: WebVTT a player
 * reads, a cue per timed turn with the speaker's name in that language as
 * its voice, under the base path too; a transcript without times has none.
 */
import { expect, test } from '@playwright/test';
import { languages } from '../../src/lib/transcript/language.ts';
import { nameOf } from '../../src/lib/transcript/speakers.ts';
import { readCaptions } from '../support/captions.ts';
import { seed, transcript } from '../support/corpus.ts';
import { at } from './pages.ts';

const timed = transcript('timed-talk');

test(
  'a timed transcript has captions in each language, a cue per turn',
  { tag: '@published' },
  async ({ request, baseURL }) => {
    for (const language of languages) {
      const response = await request.get(at(baseURL, `/${timed.slug}/captions.${language}.vtt`));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^text\/vtt/);
      const cues = await readCaptions(await response.text());
      expect(cues.map(({ start, voice, text }) => ({ start, voice, text }))).toEqual(
        timed.transcript.turns.map((turn) => ({
          start: turn.start,
          voice: nameOf(timed.transcript.speakers, turn.speaker)[language],
          text: turn[language].text,
        })),
      );
    }
  },
);

test('a transcript without times has no captions', async ({ request, baseURL }) => {
  expect(seed.transcript.turns.some((turn) => turn.start !== undefined)).toBe(false);
  for (const language of languages) {
    const response = await request.get(at(baseURL, `/${seed.slug}/captions.${language}.vtt`));
    expect(response.status()).toBe(404);
  }
});
