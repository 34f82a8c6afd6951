/**
 * How well a text answers a query's terms: BM25, the ranking of most
 * full-text search engines, over the texts searched (a turn in one
 * language is one text). A term rare among the texts counts for more than
 * a common one, a term said twice for more than once, and a long text is
 * not favoured for holding more words.
 */

/** BM25's usual constants: how fast repeats stop counting, how much length weighs. */
const K1 = 1.2;
const B = 0.75;

/** The weight of a term found in `frequency` of `documents` texts. */
export function inverseFrequency(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
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
  const relative = meanLength > 0 ? length / meanLength : 1;
  let score = 0;
  for (const term of terms) {
    const count = counts.get(term) ?? 0;
    if (count === 0) continue;
    const weight = inverseFrequency(documents, frequency.get(term) ?? 0);
    score += (weight * count * (K1 + 1)) / (count + K1 * (1 - B + B * relative));
  }
  return score;
}
