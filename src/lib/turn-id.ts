/**
 * `turn-N`: the id of turn N's element and the fragment of its permalink,
 * `/<slug>/#turn-N`, which the contract promises to every shared link.
 */
export function turnId(number: number): string {
  return `turn-${number}`;
}

/** The turn an id names (`turn-12` -> 12); undefined for any other id. */
export function turnNumber(id: string): number | undefined {
  const match = /^turn-([1-9]\d*)$/.exec(id);
  return match ? Number(match[1]) : undefined;
}
