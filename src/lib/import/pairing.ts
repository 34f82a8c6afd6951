/**
 * Pairs the turns of the Chinese file with those of the English one: plain
 * text turn by turn in order, subtitles by time. A speaker may be named
 * differently in the two (毛宁 / Mao Ning), but always the same way: a name
 * that pairs with two others means the files part ways there.
 */
import type { FileMessage } from '../transcript/problem.ts';
import { quote } from '../transcript/quote.ts';
import { formatTime } from '../transcript/times.ts';
import type { ImportTurn } from './turns.ts';

export interface Pair {
  zh: ImportTurn;
  en: ImportTurn;
}

interface Sides {
  zh: { file: string; turns: readonly ImportTurn[] };
  en: { file: string; turns: readonly ImportTurn[] };
}

/** Plain text: the nth turn of one file with the nth of the other, while their speakers agree. */
export function pairInOrder({ zh, en }: Sides): { pairs: Pair[]; problems: FileMessage[] } {
  const pairs: Pair[] = [];
  const names = new SpeakerNames();
  const shared = Math.min(zh.turns.length, en.turns.length);
  for (let index = 0; index < shared; index++) {
    const pair = { zh: zh.turns[index]!, en: en.turns[index]! };
    const clash = names.clash(pair);
    if (clash) {
      // Past the first turn out of step, every pair is out of step: one message, not a cascade.
      return {
        pairs,
        problems: [
          {
            file: zh.file,
            line: pair.zh.line,
            message: `turn ${index + 1} is by ${quote(pair.zh.speaker)} here and by ${quote(pair.en.speaker)} in ${quote(en.file)} (line ${pair.en.line}), but ${clash}: a turn is missing in one file, or two are joined, before this one; make the two files' turns match one to one`,
          },
        ],
      };
    }
    pairs.push(pair);
  }
  if (zh.turns.length === en.turns.length) return { pairs, problems: [] };
  const [longer, shorter] = zh.turns.length > en.turns.length ? [zh, en] : [en, zh];
  const extra = longer.turns[shared]!;
  return {
    pairs,
    problems: [
      {
        file: longer.file,
        line: extra.line,
        message: `this file has ${longer.turns.length} turns and ${quote(shorter.file)} ${shorter.turns.length}, which end here: this turn by ${quote(extra.speaker)} and those after it have no partner; add their translation to ${quote(shorter.file)}, or remove them`,
      },
    ],
  };
}

/**
 * Subtitles: each turn with the turn of the other file it overlaps most in
 * time, when that turn overlaps it most too. Every cue must overlap some
 * cue of the other file, every turn find its partner, and speakers agree.
 */
export function pairByTime({ zh, en }: Sides): { pairs: Pair[]; problems: FileMessage[] } {
  const problems: FileMessage[] = [];
  const zhBest = zh.turns.map((turn) => bestOverlap(turn, en.turns));
  const enBest = en.turns.map((turn) => bestOverlap(turn, zh.turns));
  const pairs: Pair[] = [];
  zh.turns.forEach((turn, index) => {
    const partner = zhBest[index];
    if (partner !== undefined && enBest[partner] === index) {
      pairs.push({ zh: turn, en: en.turns[partner]! });
    }
  });
  const paired = {
    zh: new Set(pairs.map((pair) => pair.zh)),
    en: new Set(pairs.map((pair) => pair.en)),
  };
  for (const [side, other] of [
    [zh, en],
    [en, zh],
  ] as const) {
    const sideKey = side === zh ? 'zh' : 'en';
    for (const turn of side.turns) {
      if (paired[sideKey].has(turn)) continue;
      problems.push({
        file: side.file,
        line: turn.line,
        message: `this turn by ${quote(turn.speaker)} (${span(turn)}) has no partner in ${quote(other.file)}: no turn there overlaps it in time more than it overlaps another turn here, so one file changes speaker where the other does not; make the speakers' changes fall at the same times in both files`,
      });
    }
  }
  const names = new SpeakerNames();
  for (const pair of pairs) {
    const clash = names.clash(pair);
    if (!clash) continue;
    problems.push({
      file: zh.file,
      line: pair.zh.line,
      message: `this turn by ${quote(pair.zh.speaker)} (${span(pair.zh)}) falls at the time of a turn by ${quote(pair.en.speaker)} in ${quote(en.file)} (line ${pair.en.line}), but ${clash}: the speakers are in a different order in the two files; correct the speaker of one of the two`,
    });
  }
  return { pairs, problems };
}

/** "0:05 to 0:20" */
function span(turn: ImportTurn): string {
  return `${formatTime(turn.start!)} to ${formatTime(turn.end!)}`;
}

function overlap(a: { start?: number; end?: number }, b: { start?: number; end?: number }): number {
  return Math.min(a.end!, b.end!) - Math.max(a.start!, b.start!);
}

/**
 * How many candidates of the other file a turn weighs at most: a turn
 * overlapping thousands of others (one cue spanning a whole hostile file)
 * would make pairing take the square of the file's length.
 */
const MOST_CANDIDATES = 1000;

/** The index of the turn of `others` (in time order) that overlaps `turn` most, if any does. */
function bestOverlap(turn: ImportTurn, others: readonly ImportTurn[]): number | undefined {
  // The first turn that starts at or after this one's end cannot overlap it, nor can any later one.
  let high = others.length;
  let low = 0;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (others[middle]!.start! < turn.end!) low = middle + 1;
    else high = middle;
  }
  let best: number | undefined;
  let most = 0;
  for (let index = low - 1; index >= 0 && index >= low - MOST_CANDIDATES; index--) {
    const amount = overlap(turn, others[index]!);
    if (amount > most) [best, most] = [index, amount];
  }
  return best;
}

/**
 * Cues of one file that overlap no cue of the other in time: their
 * translation is missing there, or their times are wrong.
 */
export function unmatchedCues(
  cues: readonly { line: number; start: number; end: number }[],
  others: readonly { start: number; end: number }[],
): { line: number; start: number; end: number }[] {
  const sorted = [...others].sort((a, b) => a.start - b.start);
  // The latest end among the cues that start before each index.
  const latestEnd: number[] = [];
  let latest = -Infinity;
  for (const cue of sorted) latestEnd.push((latest = Math.max(latest, cue.end)));
  return cues.filter((cue) => {
    let high = sorted.length;
    let low = 0;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]!.start < cue.end) low = middle + 1;
      else high = middle;
    }
    return low === 0 || latestEnd[low - 1]! <= cue.start;
  });
}

/** The names a speaker has in each file, learnt pair by pair. */
class SpeakerNames {
  readonly #english = new Map<string, { name: string; line: number }>();
  readonly #chinese = new Map<string, { name: string; line: number }>();

  /** Why a pair's speakers disagree with the pairs before it, or undefined when they agree. */
  clash({ zh, en }: Pair): string | undefined {
    const english = this.#english.get(zh.speaker);
    const chinese = this.#chinese.get(en.speaker);
    if (english && english.name !== en.speaker) {
      return `${quote(zh.speaker)}'s turns paired with ${quote(english.name)}'s before (line ${english.line})`;
    }
    if (chinese && chinese.name !== zh.speaker) {
      return `${quote(en.speaker)}'s turns paired with ${quote(chinese.name)}'s before (line ${chinese.line})`;
    }
    this.#english.set(zh.speaker, { name: en.speaker, line: zh.line });
    this.#chinese.set(en.speaker, { name: zh.speaker, line: zh.line });
    return undefined;
  }
}
