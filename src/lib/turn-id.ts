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

/** Turns `first` to `last` of a transcript, both included. */
export interface TurnRange {
  first: number;
  last: number;
}

/**
 * The turns a fragment `turn-A-B` names in a transcript of `count` turns,
 * or undefined for any other fragment. Written either way round, it names
 * the same turns (`turn-5-3` is `turn-3-5`); a range running past the last
 * turn stops there; one starting past it names nothing, as `turn-N` past
 * the last turn does.
 */
export function turnRange(id: string, count: number): TurnRange | undefined {
  const match = /^turn-([1-9]\d*)-([1-9]\d*)$/.exec(id);
  if (!match) return undefined;
  const [a, b] = [Number(match[1]), Number(match[2])];
  const first = Math.min(a, b);
  return first > count ? undefined : { first, last: Math.min(Math.max(a, b), count) };
}

/** The fragment that names a range: `turn-3-5`, or the turn's own `turn-3` for a range of one. */
export function turnRangeId({ first, last }: TurnRange): string {
  return first === last ? turnId(first) : `${turnId(first)}-${last}`;
}
