/**
 * Did-you-mean: the same suggestions for the words authors mistype, and a
 * bounded amount of work for the words nobody types, counted here and timed
 * by the bench (bench/hostile-input.ts), so a loaded machine fails no test.
 */
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import { formatProblem } from '../../src/lib/transcript/problem.ts';
import { frontMatterFields, speakerInfoFields } from '../../src/lib/transcript/schema.ts';
import { closestMatch, findClosest, MOST_CELLS } from '../../src/lib/transcript/suggest.ts';
import {
  anagramLabels,
  FAR_WORDS,
  LONG_LABEL,
  LONG_SPEAKER_SOURCE,
} from '../support/hostile-input.ts';

describe('closestMatch', () => {
  it('suggests a field or a speaker for a typo, swapped letters and case included', () => {
    expect(closestMatch('titel', frontMatterFields)).toBe('title');
    expect(closestMatch('speaker', frontMatterFields)).toBe('speakers');
    expect(closestMatch('Date', frontMatterFields)).toBe('date');
    expect(closestMatch('descripton', frontMatterFields)).toBe('description');
    expect(closestMatch('rol', speakerInfoFields)).toBe('role');
    expect(closestMatch('Adah', ['Bo', 'Ada'])).toBe('Ada');
    expect(closestMatch('Amanda Askel', ['Ada', 'Amanda Askell'])).toBe('Amanda Askell');
    expect(closestMatch('主持', ['观众', '主持人'])).toBe('主持人');
  });

  it('suggests nothing for a word that is no likely typo of any', () => {
    expect(closestMatch('colour', frontMatterFields)).toBeUndefined();
    expect(closestMatch('Bob', ['Ada'])).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });

  it('takes the closest candidate, the first of equals', () => {
    expect(closestMatch('Ana', ['Anna', 'Ada'])).toBe('Anna');
    expect(closestMatch('Adda', ['Ada', 'Adam'])).toBe('Ada');
  });

  it('compares nothing with a label of 25,000 characters', () => {
    expect(findClosest(`${LONG_LABEL}B`, [LONG_LABEL])).toEqual({ match: undefined, cells: 0 });
    expect(findClosest('Ada', [LONG_LABEL]).cells).toBe(0);
    expect(closestMatch('Ada', [LONG_LABEL, 'Adah'])).toBe('Adah');
  });

  it('bounds the work of a call over thousands of candidates that defeat the shortcuts', () => {
    const labels = anagramLabels();
    for (const word of FAR_WORDS) {
      const { match, cells } = findClosest(word, labels);
      expect(match).toBeUndefined();
      // Near the bound: the shortcuts let every label through, and only the bound stops the comparing.
      expect(cells).toBeGreaterThan(MOST_CELLS / 2);
      expect(cells).toBeLessThanOrEqual(MOST_CELLS);
    }
  });

  it('lets a transcript describe a speaker of 25,000 characters who never speaks', () => {
    const result = parseTranscript(LONG_SPEAKER_SOURCE, { file: 'long.md', slug: 'long' });
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      `long.md:3: the front matter describes the speaker \`${'A'.repeat(59)}…\`, but no block has that label: use the label exactly as the text writes it`,
    ]);
  });
});
