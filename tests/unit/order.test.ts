import { describe, expect, it } from 'vitest';
import { newestFirst, type Listed } from '../../src/lib/order.ts';

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
