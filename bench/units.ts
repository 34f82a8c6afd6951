/** Byte counts as the benchmarks print them: 1 KB is 1,000 bytes, the stricter reading of a budget. */
export function kilobytes(bytes: number, digits = 1): string {
  return `${(bytes / 1000).toFixed(digits)} KB`;
}
