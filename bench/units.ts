/**
 * How the benchmark and the end-to-end tests count: one kilobyte, one gzip
 * level, one median, so a budget means the same wherever it is checked.
 * Imports nothing but Node built-ins: the tests import it from the root.
 */
import { gzipSync } from 'node:zlib';

/** 1 KB is 1,000 bytes: the stricter reading of a budget in KB. */
export const KB = 1000;

/** zlib's highest level, the most a static host would squeeze out of a file. */
export const GZIP_LEVEL = 9;

/** Bytes of `data` after gzip at GZIP_LEVEL. */
export function gzipBytes(data: string | Uint8Array): number {
  return gzipSync(data, { level: GZIP_LEVEL }).length;
}

/** `bytes` in KB, for tables and messages: `kilobytes(2840, 2)` is `"2.84 KB"`. */
export function kilobytes(bytes: number, digits = 1): string {
  return `${(bytes / KB).toFixed(digits)} KB`;
}

/** `bytes` in MB (1,000 KB): `megabytes(51_400_000)` is `"51.4 MB"`. */
export function megabytes(bytes: number, digits = 1): string {
  return `${(bytes / (KB * KB)).toFixed(digits)} MB`;
}

/** `bytes` in GB (1,000 MB): `gigabytes(1_234_000_000)` is `"1.23 GB"`. */
export function gigabytes(bytes: number, digits = 2): string {
  return `${(bytes / KB ** 3).toFixed(digits)} GB`;
}

/**
 * The middle item once sorted, the lower of the two middle ones for an even
 * count: always a value that was measured (a Lighthouse run, say), never an
 * average of two. `compare` sorts items that are not numbers.
 */
export function median(values: readonly number[]): number;
export function median<T>(items: readonly T[], compare: (a: T, b: T) => number): T;
export function median<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number = (a, b) => Number(a) - Number(b),
): T {
  if (items.length === 0) throw new RangeError('the median of no measurements is undefined');
  return [...items].sort(compare)[Math.floor((items.length - 1) / 2)]!;
}
