import { describe, expect, it } from 'vitest';
import { neighboursOf, newestFirst, type Listed } from '../../src/lib/order.ts';

const listed = (id: string, title: string, date?: string): Listed => ({
  id,
  data: { title: { en: title, zh: title }, date },
});

describe('the order of the home page', () => {
  it('puts the newest first, the undated last, and the same date by title, then slug', () => {
    const list = [
      listed('undated-b', 'Beta'),
      listed('old', 'Old', '2023-01-05'),
      listed('undated-a', 'alpha'),
      listed('new-z', 'Zeta', '2024-05-31'),
      listed('new-a', 'Alpha', '2024-05-31'),
      listed('twin-2', 'Twin', '2024-02-01'),
      listed('twin-1', 'Twin', '2024-02-01'),
    ];
    expect(list.sort(newestFirst).map((entry) => entry.id)).toEqual([
      'new-a',
      'new-z',
      'twin-1',
      'twin-2',
      'old',
      'undated-a',
      'undated-b',
    ]);
  });
});

describe('neighboursOf', () => {
  const list = [listed('a', 'A'), listed('b', 'B'), listed('c', 'C')];

  it('gives the transcripts before and after, as their links need them', () => {
    expect(neighboursOf(list, 1)).toEqual({
      previous: { id: 'a', title: { en: 'A', zh: 'A' } },
      next: { id: 'c', title: { en: 'C', zh: 'C' } },
    });
  });

  it('leaves out a neighbour at either end, and both for a single transcript', () => {
    expect(neighboursOf(list, 0)).toEqual({ next: { id: 'b', title: { en: 'B', zh: 'B' } } });
    expect(neighboursOf(list, 2)).toEqual({ previous: { id: 'b', title: { en: 'B', zh: 'B' } } });
    expect(neighboursOf([listed('a', 'A')], 0)).toEqual({});
  });
});
