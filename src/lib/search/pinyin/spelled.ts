/**
 * From a query's pinyin readings (./syllables.ts) to the Han strings of the
 * site they spell, through the alias map's pairs (./aliases.ts), and the
 * turns those strings find put after what the query finds as typed:
 * English words, most often, as `women`, `dance` and `change` read as
 * pinyin too, and a reader who typed an English word meant it.
 */
import { SHOWN, type Hit, type SearchOutcome } from '../rank.ts';
import { pairKey, type AliasPair } from './aliases.ts';
import type { Syllable } from './syllables.ts';

/** Strings a pinyin query spells that are searched beyond a reader page: each costs a search's fetches. */
export const MOST_SPELLED = 4;

/** At most this many strings are made of one query's readings. */
export const MOST_SPELLINGS = 32;

/** Whether a pair's tone in context answers the tone typed: any where none was, and a neutral tone any. */
function toneFits(typed: number | undefined, read: number): boolean {
  return typed === undefined || typed === read || read === 5;
}

/**
 * The Han strings of the site that the readings spell, the likeliest
 * first: each reading of two or more syllables, its pairs chained where
 * their characters meet and their tones fit those typed. A string's
 * likelihood is how far down its pairs stand in their keys' lists (the
 * pairs most turns hold first), summed. `pairsOf` gives a key's pairs, or
 * none where the site has none.
 */
export function spellings(
  readings: readonly Syllable[][],
  pairsOf: (key: string) => readonly AliasPair[],
): string[] {
  const found = new Map<string, number>();
  for (const reading of readings) {
    let chains: { text: string; last: string; cost: number }[] = [{ text: '', last: '', cost: 0 }];
    for (let i = 0; i + 1 < reading.length && chains.length > 0; i++) {
      const [a, b] = [reading[i]!, reading[i + 1]!];
      const pairs = pairsOf(pairKey(a, b))
        .map((pair, rank) => ({ pair, rank }))
        .filter(({ pair }) => toneFits(a.tone, pair.tones[0]) && toneFits(b.tone, pair.tones[1]));
      chains = chains
        .flatMap((chain) =>
          pairs
            .filter(({ pair }) => i === 0 || pair.han[0] === chain.last)
            .map(({ pair, rank }) => ({
              text: i === 0 ? pair.han.join('') : chain.text + pair.han[1],
              last: pair.han[1],
              cost: chain.cost + rank,
            })),
        )
        .sort((x, y) => x.cost - y.cost)
        .slice(0, MOST_SPELLINGS);
    }
    for (const { text, cost } of chains) {
      if (text && cost < (found.get(text) ?? Infinity)) found.set(text, cost);
    }
  }
  return [...found]
    .sort((x, y) => x[1] - y[1])
    .slice(0, MOST_SPELLINGS)
    .map(([text]) => text);
}

/** The keys of the alias map that readings need, each once: a reading's neighbouring syllables. */
export function keysOf(readings: readonly Syllable[][]): string[] {
  const keys = new Set<string>();
  for (const reading of readings) {
    for (let i = 0; i + 1 < reading.length; i++) keys.add(pairKey(reading[i]!, reading[i + 1]!));
  }
  return [...keys];
}

/**
 * The outcome of a query as typed, then the turns its pinyin's strings
 * find (`search` searches one, as Chinese), each turn once; on a reader
 * page (`current`), this transcript's of those first.
 */
export function withSpelled(
  typed: SearchOutcome,
  spelled: readonly SearchOutcome[],
  current: string | undefined,
): SearchOutcome {
  const seen = new Set(typed.hits.map(turnKey));
  const added: Hit[] = [];
  for (const hit of spelled.flatMap((outcome) => outcome.hits)) {
    if (seen.has(turnKey(hit))) continue;
    seen.add(turnKey(hit));
    added.push(hit);
  }
  const own = (hit: Hit) => Number(hit.slug === current);
  added.sort((a, b) => own(b) - own(a));
  const hits = [...typed.hits, ...added];
  return {
    query: typed.query,
    hits: hits.slice(0, SHOWN),
    more: hits.length > SHOWN || typed.more || spelled.some((outcome) => outcome.more),
  };
}

function turnKey(hit: Hit): string {
  return `${hit.slug}#${hit.turn}`;
}
