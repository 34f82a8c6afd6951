/**
 * `turn-N`: the id of turn N's element and the fragment of its permalink,
 * `/<slug>/#turn-N`, which the contract promises to every shared link.
 */
export function turnId(number: number): string {
  return `turn-${number}`;
}
