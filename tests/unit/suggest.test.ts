/**
 * Did-you-mean: the same suggestions for the words authors mistype, in
 * bounded time and memory for the words nobody types.
 */
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import { formatProblem } from '../../src/lib/transcript/problem.ts';
import { frontMatterFields, speakerInfoFields } from '../../src/lib/transcript/schema.ts';
import { closestMatch } from '../../src/lib/transcript/suggest.ts';

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

  it('compares labels of 25,000 characters in no time and no memory to speak of', () => {
    const long = 'A'.repeat(25_000);
    const started = performance.now();
    expect(closestMatch(`${long}B`, [long])).toBeUndefined();
    expect(closestMatch('Ada', [long, 'Adah'])).toBe('Adah');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('stays within a few milliseconds a call for thousands of candidates that defeat the shortcuts', () => {
    // Anagrams of one another: same length, same letters, so only comparing tells them apart.
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const shuffled = (text: string) => [...text].sort(() => random() - 0.5).join('');
    const labels = Array.from({ length: 2_000 }, () => shuffled('ab'.repeat(50)));
    const started = performance.now();
    for (const label of labels.slice(0, 20)) closestMatch(label, labels);
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });

  it('lets a transcript describe a speaker of 25,000 characters who never speaks', () => {
    const label = 'A'.repeat(25_000);
    const source = `---\nspeakers:\n  ? ${label}B\n  : {role: Host}\n  ? ${label}\n  : {}\n---\n**${label}:** 你好。\n**${label}:** Hello.\n`;
    const started = performance.now();
    const result = parseTranscript(source, { file: 'long.md', slug: 'long' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      `long.md:3: the front matter describes the speaker \`${'A'.repeat(59)}…\`, but no block has that label: use the label exactly as the text writes it`,
    ]);
  });
});
