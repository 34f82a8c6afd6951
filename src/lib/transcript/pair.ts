/**
 * Pairs speaker blocks into turns: two consecutive blocks by the same
 * speaker, one Chinese and one English, in either order, which is which
 * decided per pair (`language.ts`). A block's label names its speaker by
 * their key or by their name in the block's language (`names.ts`). When a
 * pair does not fit, it reports the most likely cause and moves on, so
 * that one missing translation yields one message, not a cascade.
 */
import {
  languageNames,
  lettersOf,
  otherLanguage,
  pairLanguages,
  sameHanShare,
  scriptLanguage,
  type Language,
  type Letters,
} from './language.ts';
import type { Cast, Named } from './names.ts';
import type { LocatedMessage } from './problem.ts';
import { quote } from './quote.ts';
import type { ReadBlock } from './read-blocks.ts';
import type { Turn } from './schema.ts';
import { isOnlyStageDirections } from './stage-directions.ts';
import { pairTime, timesGoingBack, type TurnStart } from './times.ts';

interface ClassifiedBlock extends ReadBlock {
  /** The label as written; `speaker` is the key of the speaker it names, or the label itself. */
  label: string;
  /** The speaker the label names, when the front matter describes them. */
  named: Named | undefined;
  /** The front matter lists speakers and the label names none of them. */
  unknown: boolean;
  letters: Letters | undefined;
  /** The block's own majority script: what it is called when it has no partner. */
  script: Language | undefined;
}

export interface PairedTurns {
  turns: Turn[];
  problems: LocatedMessage[];
  /** Turns that are turns by the contract but most likely a translation gone missing. */
  warnings: LocatedMessage[];
}

export function pairBlocks(blocks: readonly ReadBlock[], cast: Cast): PairedTurns {
  const classified: ClassifiedBlock[] = blocks.map((block) => {
    const letters = lettersOf(block.text);
    const named = cast.named(block.speaker);
    return {
      ...block,
      label: block.speaker,
      speaker: named?.key ?? block.speaker,
      named,
      unknown: cast.listed && !named,
      letters,
      script: scriptLanguage(letters),
    };
  });
  /** Unknown labels of pairs whose message says how to name the speaker already. */
  const told = new Set<ClassifiedBlock>();
  const turns: Turn[] = [];
  const problems: LocatedMessage[] = [];
  const warnings: LocatedMessage[] = [];
  const starts: TurnStart[] = [];
  /** Whether the block before the current one is half of a turn. */
  let previousInTurn = false;

  let index = 0;
  while (index < classified.length) {
    const block = classified[index]!;
    const next = classified[index + 1];
    const nextHasOwnPartner = next !== undefined && isTurn(next, classified[index + 2]);

    if (next && isTurn(block, next)) {
      const { turn, start, timeProblem } = makeTurn(turns.length + 1, block, next);
      if (timeProblem) problems.push(timeProblem);
      if (start) starts.push(start);
      const [chinese, english] = turn.en.line === block.line ? [next, block] : [block, next];
      if (english.script === 'zh') warnings.push(chineseOnBothSides(turn, english, cast));
      for (const [named, language] of [
        [chinese, 'zh'],
        [english, 'en'],
      ] as const) {
        if (named.named && !named.named.languages.includes(language)) {
          problems.push(nameInOtherLanguage(named, language, cast));
        }
      }
      turns.push(turn);
      index += 2;
      previousInTurn = true;
      continue;
    }

    if (!block.script || (next?.speaker === block.speaker && !next.script)) {
      // A block whose language is unknown most likely is the partner of its
      // neighbour by the same speaker: report it alone and take both. A block
      // with a paragraph that could not be read has had its problem reported.
      const takesNext = next?.speaker === block.speaker && !nextHasOwnPartner;
      for (const undecided of takesNext ? [block, next] : [block]) {
        if (!undecided.script && !undecided.unread) problems.push(undecidedLanguage(undecided));
      }
      index += takesNext ? 2 : 1;
    } else if (next && !nextHasOwnPartner && looksLikePair(block, next)) {
      const unknown = [block, next].filter((half) => half.unknown);
      if (unknown.length === 0 && cast.readable) problems.push(labelsDiffer(block, next));
      // An unknown label beside a known speaker's block is most likely that speaker's name.
      const known = [block, next].find((half) => !half.unknown);
      for (const half of unknown) {
        problems.push(unknownLabel(half, cast, known));
        told.add(half);
      }
      index += 2;
    } else {
      // A neighbour by the same speaker that is no partner either is most
      // likely the intended partner: say why the two make no turn.
      const previous = previousInTurn ? undefined : classified[index - 1];
      const unpaired = [previous, nextHasOwnPartner ? undefined : next].find(
        (other) => other?.speaker === block.speaker && other.script !== undefined,
      );
      problems.push(missingPartner(block, block.script, unpaired, cast));
      index += 1;
    }
    previousInTurn = false;
  }
  for (const block of classified) {
    if (block.unknown && !told.has(block)) problems.push(unknownLabel(block, cast, undefined));
  }

  problems.push(...timesGoingBack(starts));
  return { turns, problems, warnings };
}

/** Two blocks form a turn when one speaker says the same thing in both languages. */
function isTurn(a: ClassifiedBlock, b: ClassifiedBlock | undefined): boolean {
  return (
    b !== undefined && a.speaker === b.speaker && pairLanguages(a.letters, b.letters) !== undefined
  );
}

/**
 * Two blocks by different speakers that would make a turn, each in its own
 * script's language: most likely one speaker whose label is spelt two ways.
 */
function looksLikePair(a: ClassifiedBlock, b: ClassifiedBlock): boolean {
  const pair = pairLanguages(a.letters, b.letters);
  return pair !== undefined && pair[0] === a.script && pair[1] === b.script;
}

function makeTurn(
  number: number,
  a: ClassifiedBlock,
  b: ClassifiedBlock,
): { turn: Turn; start?: TurnStart | undefined; timeProblem?: LocatedMessage | undefined } {
  const [zh, en] = pairLanguages(a.letters, b.letters)![0] === 'zh' ? [a, b] : [b, a];
  const { start, problem } = pairTime(zh, en);
  const turn: Turn = {
    number,
    speaker: a.speaker,
    ...(start && { start: start.seconds }),
    zh: { line: zh.line, paragraphs: zh.paragraphs, text: zh.text, html: zh.html },
    en: { line: en.line, paragraphs: en.paragraphs, text: en.text, html: en.html },
  };
  return {
    turn,
    start: start && { number, start: start.seconds, line: start.line },
    timeProblem: problem,
  };
}

/**
 * Two blocks of mostly Chinese make a turn when their shares of Han
 * characters differ, as the contract says, so a missing English
 * translation followed by the speaker's next Chinese block pairs silently:
 * the English column would show Chinese. Say so without stopping the build.
 */
function chineseOnBothSides(turn: Turn, english: ClassifiedBlock, cast: Cast): LocatedMessage {
  return {
    line: english.line,
    message: `turn ${turn.number} by ${quote(english.label)} pairs the block on line ${turn.zh.line} with this one as its English, but this block is mostly Chinese characters too: if its English translation is missing, add it as a block labelled **${quote(cast.labelIn(turn.speaker, 'en'))}:** next to the Chinese one`,
  };
}

function undecidedLanguage(block: ClassifiedBlock): LocatedMessage {
  const name = quote(block.label);
  if (block.paragraphs.length === 0) {
    return {
      line: block.line,
      message: `speaker label **${name}:** has no text: write what ${name} said after the label or on the lines below it`,
    };
  }
  if (isOnlyStageDirections(block.text)) {
    return {
      line: block.line,
      message: `cannot tell the language of this block by ${name}: it holds only the stage direction \`${quote(block.text)}\`, which has no Chinese characters or Latin letters; write the stage direction in words, e.g. \`[笑声]\` and \`[laughter]\` in two blocks, or move it into the text of the block next to it`,
    };
  }
  return {
    line: block.line,
    message: `cannot tell the language of this block by ${name}: it has no Chinese characters or Latin letters; write its text in Chinese or in English`,
  };
}

function missingPartner(
  block: ClassifiedBlock,
  language: Language,
  unpaired: ClassifiedBlock | undefined,
  cast: Cast,
): LocatedMessage {
  const missing = languageNames[otherLanguage(language)];
  const name = quote(block.label);
  const label = quote(cast.labelIn(block.speaker, otherLanguage(language)));
  // A stage direction is translated like any text, but an author may well
  // not think of it as something said: say that it needs a partner too.
  if (isOnlyStageDirections(block.text)) {
    return {
      line: block.line,
      message: `this ${languageNames[language]} block by ${name} holds only the stage direction \`${quote(block.text)}\` and has no ${missing} partner: a stage direction is translated like any text, so add it in ${missing} as a block labelled **${label}:** directly before or after it, or move it into the ${languageNames[language]} text of the block next to it`,
    };
  }
  const why = unpaired ? ` (${whyNoTurn(block, unpaired)})` : '';
  return {
    line: block.line,
    message: `this ${languageNames[language]} block by ${name} has no ${missing} partner: add its ${missing} translation as a block labelled **${label}:** directly before or after it${why}`,
  };
}

/**
 * Why two neighbours by one speaker, both with letters, make no turn: their
 * shares of Han characters are equal, or neither reaches 5%. Either way both
 * are in one script, most often a Chinese block that quotes so much English
 * that it reads as English, or the same text twice.
 */
function whyNoTurn(block: ClassifiedBlock, other: ClassifiedBlock): string {
  const reason = sameHanShare(block.letters!, other.letters!)
    ? 'and these two have the same share'
    : 'and neither of these two reaches 5%';
  return `the block on line ${other.line} by ${quote(other.label)} is ${languageNames[other.script!]} too: of two blocks by one speaker, the one with the larger share of Han characters among its Han characters and Latin letters is the Chinese one, if that share is at least 5%, ${reason}`;
}

/**
 * Two blocks that would make a turn but whose labels name two speakers:
 * most likely one speaker, named in each language (the Chinese and the
 * English record of one event each write the name their way) or spelt two
 * ways; say how to make the labels name one speaker.
 */
function labelsDiffer(a: ClassifiedBlock, b: ClassifiedBlock): LocatedMessage {
  const pair = `the ${languageNames[a.script!]} block labelled **${quote(a.label)}:** and the ${languageNames[b.script!]} block labelled **${quote(b.label)}:** on line ${b.line} form a pair`;
  const apart = 'if they are two speakers, give each block its translation';
  if (a.named && b.named) {
    return {
      line: a.line,
      message: `${pair} but their labels name two speakers, \`${quote(a.speaker)}\` and \`${quote(b.speaker)}\`: label both with the same speaker; ${apart}`,
    };
  }
  const [chinese, english] = a.script === 'zh' ? [a, b] : [b, a];
  return {
    line: a.line,
    message: `${pair} but their speaker labels differ: if one speaker says both, write the same label on both, or give the speaker a name in each language in the front matter, \`${quote(english.label)}: { zh: ${quote(chinese.label)} }\` under \`speakers:\`; ${apart}`,
  };
}

/**
 * A label that names none of the speakers the front matter lists: a typo,
 * a speaker not listed, or a name in one language the front matter does
 * not give (the Chinese label beside `known`'s English block, say).
 */
function unknownLabel(
  block: ClassifiedBlock,
  cast: Cast,
  known: ClassifiedBlock | undefined,
): LocatedMessage {
  const label = quote(block.label);
  const language = block.script;
  const guess = cast.closest(block.label);
  const hint = guess ? ` (did you mean \`${quote(guess)}\`?)` : '';
  const head = `the label **${label}:** names none of the speakers the front matter lists${hint}`;
  if (known && language && !guess && !cast.hasOwnName(known.speaker, language)) {
    return {
      line: block.line,
      message: `${head}: if it is ${quote(known.speaker)}'s name in ${languageNames[language]}, give it to them in the front matter, \`${quote(known.speaker)}: { ${language}: ${label} }\` under \`speakers:\`; else label the block with a speaker's key or their name in ${languageNames[language]}`,
    };
  }
  const inLanguage = language ? ` or their name in ${languageNames[language]}` : '';
  return {
    line: block.line,
    message: `${head}: label the block with a speaker's key${inLanguage}, or add \`${label}:\` under \`speakers:\``,
  };
}

/** A block labelled with its speaker's name in the other language: the name its own language gives them is wanted. */
function nameInOtherLanguage(
  block: ClassifiedBlock,
  language: Language,
  cast: Cast,
): LocatedMessage {
  const other = languageNames[otherLanguage(language)];
  return {
    line: block.line,
    message: `this ${languageNames[language]} block is labelled **${quote(block.label)}:**, the ${other} name of \`${quote(block.speaker)}\`: label it with the speaker's ${languageNames[language]} name, **${quote(cast.labelIn(block.speaker, language))}:**`,
  };
}

/**
 * Whether a turn's paragraphs pair one to one: its two blocks have as many, so
 * each Chinese paragraph has a partner in the English one, in the same place.
 * Where the counts differ, the places say nothing of which is which.
 */
export function paragraphsPair(turn: Pick<Turn, 'zh' | 'en'>): boolean {
  return turn.zh.paragraphs.length === turn.en.paragraphs.length;
}
