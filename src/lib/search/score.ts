/**
 * How well a text answers a query's terms: BM25, the ranking of most
 * full-text search engines, over the texts searched (a turn in one
 * language is one text). A term rare among the texts counts for more than
 * a common one, a term said twice for more than once, and a long text is
 * not favoured for holding more words.
 */

/** BM25's usual constants: how fast repeats stop counting (k1), how much length weighs (b). */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** The weight of a term found in `frequency` of `documents` texts. */
export function inverseFrequency(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/**
 * How much a term said `count` times counts in a text of `length` terms,
 * from 0 towards 1: BM25's term-frequency part, divided by its limit. The
 * site index stores it, quantised, as a posting's weight.
 */
export function frequencyPart(count: number, length: number, meanLength: number): number {
  const { k1, b } = BM25;
  const relative = meanLength > 0 ? length / meanLength : 1;
  return count / (count + k1 * (1 - b + b * relative));
}

/** A text's score for the terms: `counts` its terms, `length` its number of terms. */
export function scoreTerms(
  terms: readonly string[],
  counts: ReadonlyMap<string, number>,
  length: number,
  meanLength: number,
  documents: number,
  frequency: ReadonlyMap<string, number>,
): number {
  let score = 0;
  for (const term of terms) {
    const count = counts.get(term) ?? 0;
    if (count === 0) continue;
    const weight = inverseFrequency(documents, frequency.get(term) ?? 0);
    score += weight * frequencyPart(count, length, meanLength);
  }
  return score;
}
