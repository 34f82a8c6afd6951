/**
 * Did-you-mean: the candidate closest to a misspelt word, when one is close
 * enough to be a likely typo. Its cost is bounded whatever the input: a
 * very long word gets no suggestion (a label of thousands of characters is
 * not one typo away from another, and comparing two costs the product of
 * their lengths), a candidate is compared only when its length and letters
 * leave it within reach, each comparison stops at the allowance, and one
 * call compares at most a fixed number of letter pairs in all.
 */
const LONGEST_WORD = 100;
/** About a millisecond of comparing; a real list of fields or speakers needs a few hundred. */
export const MOST_CELLS = 200_000;

/** How far a candidate may be from the word: a third of its length, at least one edit. */
function allowance(candidate: string): number {
  return Math.max(1, Math.floor(candidate.length / 3));
}

/**
 * The candidate with the fewest edits from `word` among those within their
 * allowance, the first of them on a tie. Once the budget is spent, the
 * closest found so far: still a likely typo, if perhaps not the likeliest.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  return findClosest(word, candidates).match;
}

/**
 * The closest match (`closestMatch`) and the work it took: the cells of
 * edit distance tables computed, never more than `MOST_CELLS`, whatever
 * the input. The bench times it (bench/hostile-input.ts); the tests count.
 */
export function findClosest(
  word: string,
  candidates: readonly string[],
): { match: string | undefined; cells: number } {
  // Measured in lower case, which can be longer (`İ` is two code units in lower case).
  const lower = word.toLowerCase();
  if (lower.length > LONGEST_WORD) return { match: undefined, cells: 0 };
  const counts = letterCounts(lower);
  let budget = MOST_CELLS;
  let computed = 0;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // Only a candidate strictly closer than the best so far can replace it.
    const limit = Math.min(allowance(candidate), best ? best.distance - 1 : Infinity);
    const other = candidate.toLowerCase();
    // Each edit changes the length by one at most; the table's rows hold no longer a word.
    if (Math.abs(other.length - lower.length) > limit || other.length >= ROW) continue;
    if (fewestEdits(counts, other) > limit) continue;
    const cells = lower.length * (2 * limit + 1);
    if (cells > budget) break;
    budget -= cells;
    const { distance, cells: used } = editDistance(lower, other, limit);
    computed += used;
    if (distance <= limit) best = { candidate, distance };
  }
  return { match: best?.candidate, cells: computed };
}

// Letters are counted in a few buckets by code: merging letters only makes
// two counts more alike, so the bound below stays a lower bound.
const BUCKETS = 64;
const scratch = new Int32Array(BUCKETS);

function letterCounts(text: string): Int32Array {
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) % BUCKETS]!++;
  return counts;
}

/**
 * A lower bound on the edit distance from counting letters: an insertion or
 * deletion changes the counts by one, a substitution by two, a swap not at all.
 */
function fewestEdits(counts: Int32Array, other: string): number {
  scratch.set(counts);
  for (let i = 0; i < other.length; i++) scratch[other.charCodeAt(i) % BUCKETS]!--;
  let difference = 0;
  for (const count of scratch) difference += Math.abs(count);
  return Math.ceil(difference / 2);
}

// A candidate that passes the length check is at most half again as long as the word.
const ROW = Math.ceil(LONGEST_WORD * 1.5) + 2;
const rows = [new Int32Array(ROW), new Int32Array(ROW), new Int32Array(ROW)] as const;

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of
 * two neighbouring letters, the commonest typo ("titel"); any distance
 * above `limit` is returned as `limit + 1`. Only cells within `limit` of
 * the diagonal can hold less, so only those are computed, and three rows
 * of the table are kept (a swap looks two rows back). `cells`: how many were.
 */
function editDistance(a: string, b: string, limit: number): { distance: number; cells: number } {
  const over = limit + 1;
  let cells = 0;
  const width = b.length + 1;
  let [beforePrevious, previous, current] = rows;
  beforePrevious.fill(over, 0, width);
  for (let j = 0; j < width; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    current.fill(over, 0, width);
    current[0] = Math.min(i, over);
    let rowMinimum = current[0];
    const last = Math.min(b.length, i + limit);
    const first = Math.max(1, i - limit);
    cells += Math.max(0, last - first + 1);
    for (let j = first; j <= last; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let cell = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        cell = Math.min(cell, beforePrevious[j - 2]! + 1);
      }
      current[j] = Math.min(cell, over);
      rowMinimum = Math.min(rowMinimum, current[j]!);
    }
    // A row's smallest distance is never below the row before's, so once a
    // row is past the limit, the result is too.
    if (rowMinimum > limit) return { distance: over, cells };
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return { distance: previous[b.length]!, cells };
}
