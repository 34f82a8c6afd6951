import { describe, expect, it } from 'vitest';
import { formatTime, parseTime, readLabelTime } from '../../src/lib/transcript/times.ts';

describe('start times in speaker labels', () => {
  it('reads m:ss and h:mm:ss, with a fraction of a second', () => {
    expect(['0:05', '12:34', '75:00', '1:02:03', '1:02:03.5', '0:00.25'].map(parseTime)).toEqual([
      5, 754, 4500, 3723, 3723.5, 0.25,
    ]);
  });

  it('refuses what is not a time', () => {
    for (const written of ['12', '12:3', '12:60', '1:60:00', '1:2:3', '12:34.', '-1:00', ':30']) {
      expect(parseTime(written), written).toBeUndefined();
    }
  });

  it('writes seconds back as a label would, the fraction to the millisecond', () => {
    expect([5, 754, 3723.5, 0.25, 59.9996, 3600].map(formatTime)).toEqual([
      '0:05',
      '12:34',
      '1:02:03.5',
      '0:00.25',
      '1:00',
      '1:00:00',
    ]);
    for (const seconds of [0, 1.5, 61.125, 3599.999, 7384.25]) {
      expect(parseTime(formatTime(seconds))).toBe(seconds);
    }
  });

  it('splits a label into its name and its time, brackets without a digit staying in the name', () => {
    expect(readLabelTime(' Josh [12:34] ')).toEqual({
      name: 'Josh',
      written: '12:34',
      seconds: 754,
    });
    expect(readLabelTime('Josh [12:99]')).toEqual({ name: 'Josh', written: '12:99' });
    expect(readLabelTime('Audience [off mic]')).toEqual({ name: 'Audience [off mic]' });
    expect(readLabelTime('Josh')).toEqual({ name: 'Josh' });
  });

  it('reads a label of a hundred thousand brackets at once', () => {
    const started = performance.now();
    readLabelTime(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
