/**
 * Pairs speaker blocks into turns: two consecutive blocks by the same
 * speaker, one Chinese and one English, in either order. When a pair does
 * not fit, it reports the most likely cause and moves on, so that one
 * missing translation yields one message, not a cascade.
 */
import type { SpeakerBlock } from './blocks.ts';
import { renderParagraphs, visibleText } from './inline.ts';
import { detectLanguage, languageNames, otherLanguage, type Language } from './language.ts';
import type { LocatedMessage } from './problem.ts';
import { quote } from './quote.ts';
import type { Turn } from './schema.ts';
import { isOnlyStageDirections } from './stage-directions.ts';

interface ClassifiedBlock extends SpeakerBlock {
  language: Language | undefined;
  /** What a reader sees of the block, without Markdown syntax. */
  text: string;
}

export interface PairedTurns {
  turns: Turn[];
  problems: LocatedMessage[];
}

export function pairBlocks(blocks: readonly SpeakerBlock[]): PairedTurns {
  const classified: ClassifiedBlock[] = blocks.map((block) => {
    const text = block.paragraphs.map(visibleText).join('\n');
    return { ...block, text, language: detectLanguage(text) };
  });
  const turns: Turn[] = [];
  const problems: LocatedMessage[] = [];

  let index = 0;
  while (index < classified.length) {
    const block = classified[index]!;
    const next = classified[index + 1];
    const nextHasOwnPartner = next !== undefined && isPair(next, classified[index + 2]);

    if (next && isPair(block, next)) {
      turns.push(makeTurn(turns.length + 1, block, next));
      index += 2;
    } else if (!block.language || (next?.speaker === block.speaker && !next.language)) {
      // A block whose language is unknown most likely is the partner of its
      // neighbour by the same speaker: report it alone and take both.
      const takesNext = next?.speaker === block.speaker && !nextHasOwnPartner;
      for (const undecided of takesNext ? [block, next] : [block]) {
        if (!undecided.language) problems.push(undecidedLanguage(undecided));
      }
      index += takesNext ? 2 : 1;
    } else if (next?.language === otherLanguage(block.language) && !nextHasOwnPartner) {
      problems.push(labelsDiffer(block, next));
      index += 2;
    } else {
      const previous = classified[index - 1];
      const sameLanguageNeighbour = [previous, next].find(
        (other) => other?.speaker === block.speaker && other.language === block.language,
      );
      problems.push(missingPartner(block, block.language, sameLanguageNeighbour));
      index += 1;
    }
  }

  return { turns, problems };
}

/** Two blocks form a turn when one speaker says the same thing in both languages. */
function isPair(a: ClassifiedBlock, b: ClassifiedBlock | undefined): boolean {
  return (
    b !== undefined &&
    a.speaker === b.speaker &&
    a.language !== undefined &&
    b.language === otherLanguage(a.language)
  );
}

function makeTurn(number: number, a: ClassifiedBlock, b: ClassifiedBlock): Turn {
  const [zh, en] = a.language === 'zh' ? [a, b] : [b, a];
  return {
    number,
    speaker: a.speaker,
    zh: {
      line: zh.line,
      paragraphs: zh.paragraphs,
      text: zh.text,
      html: renderParagraphs(zh.paragraphs),
    },
    en: {
      line: en.line,
      paragraphs: en.paragraphs,
      text: en.text,
      html: renderParagraphs(en.paragraphs),
    },
  };
}

function undecidedLanguage(block: ClassifiedBlock): LocatedMessage {
  const name = quote(block.speaker);
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
  sameLanguageNeighbour: ClassifiedBlock | undefined,
): LocatedMessage {
  const missing = languageNames[otherLanguage(language)];
  const name = quote(block.speaker);
  // A stage direction is translated like any text, but an author may well
  // not think of it as something said: say that it needs a partner too.
  if (isOnlyStageDirections(block.text)) {
    return {
      line: block.line,
      message: `this ${languageNames[language]} block by ${name} holds only the stage direction \`${quote(block.text)}\` and has no ${missing} partner: a stage direction is translated like any text, so add it in ${missing} as a block labelled **${name}:** directly before or after it, or move it into the ${languageNames[language]} text of the block next to it`,
    };
  }
  // Two neighbours in one language are often a pair whose Chinese quotes so
  // much English that it reads as English: say how the language is decided.
  const why = sameLanguageNeighbour
    ? ` (the block on line ${sameLanguageNeighbour.line} by ${name} is ${languageNames[language]} too; a block is Chinese when Han characters make up at least a quarter of its Han and Latin letters)`
    : '';
  return {
    line: block.line,
    message: `this ${languageNames[language]} block by ${name} has no ${missing} partner: add its ${missing} translation as a block labelled **${name}:** directly before or after it${why}`,
  };
}

function labelsDiffer(a: ClassifiedBlock, b: ClassifiedBlock): LocatedMessage {
  return {
    line: a.line,
    message: `the ${languageNames[a.language!]} block labelled **${quote(a.speaker)}:** and the ${languageNames[b.language!]} block labelled **${quote(b.speaker)}:** on line ${b.line} form a pair but their speaker labels differ: write the same label on both (if they are two speakers, give each block its translation)`,
  };
}
