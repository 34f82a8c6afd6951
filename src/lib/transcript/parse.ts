/**
 * Turns the text of one transcript file into `{ meta, turns }`, or into
 * every problem it has. Pure: no file system, no Astro, so it runs the
 * same in the build and in unit tests.
 */
import { splitBlocks } from './blocks.ts';
import { checkBlocks } from './block-checks.ts';
import { checkCharacters, codePoint } from './characters.ts';
import { parseFrontMatter, type DescribedSpeakers } from './frontmatter.ts';
import { readGlossary } from './glossary.ts';
import { markGlosses } from './gloss-marks.ts';
import { findTerms, termMatcher } from './gloss-terms.ts';
import { Cast, sharedNames } from './names.ts';
import { pairBlocks } from './pair.ts';
import { compareLocations, type LocatedMessage, type Problem, type Warning } from './problem.ts';
import { quote } from './quote.ts';
import { readBlocks } from './read-blocks.ts';
import type { FrontMatter, GlossaryEntry, Speaker, Transcript, Turn } from './schema.ts';
import { speakersInOrder } from './speakers.ts';
import { closestMatch } from './suggest.ts';
import { same } from '../localized.ts';
import { classifyMedia } from '../media.ts';
import { titleFromSlug } from './slug.ts';
import { sourceLines, splitSource, withoutByteOrderMark, type SourceLine } from './source.ts';

export interface ParseOptions {
  /** Path reported in messages, e.g. `content/transcripts/ai-panel.md`. */
  file: string;
  /** Used for the title when the front matter has none. */
  slug: string;
  /**
   * The files the site serves as they are (Astro's `public/`): a `media`
   * path under the site must name one of them. Default: not checked.
   */
  siteFiles?: SiteFiles;
}

export interface SiteFiles {
  /** The folder they are in, relative to the project root, for messages: `public`. */
  folder: string;
  /** Whether the folder holds a file at `sitePath` (`/media/panel.mp3`). */
  has: (sitePath: string) => boolean;
}

export type ParseResult =
  | {
      ok: true;
      transcript: Transcript;
      /** Doubts that do not stop the build, such as a speaker described but never heard. */
      warnings: Warning[];
    }
  | { ok: false; problems: Problem[] };

export function parseTranscript(source: string, options: ParseOptions): ParseResult {
  const blank = blankFile(source);
  if (blank) return { ok: false, problems: [{ file: options.file, ...blank }] };

  const messages: LocatedMessage[] = checkCharacters(sourceLines(source));
  const split = splitSource(source);

  if (split.unclosedFrontMatterLine !== undefined) {
    messages.push({
      line: split.unclosedFrontMatterLine,
      message:
        'front matter starts with `---` but never ends: add a line `---` after its last field',
    });
  }

  let frontMatter: FrontMatter = {};
  let described: DescribedSpeakers | undefined = { speakers: {}, lines: { keys: {}, names: {} } };
  let glossaryLines: Record<string, number> = {};
  if (split.frontMatter) {
    const result = parseFrontMatter(split.frontMatter.text, split.frontMatter.firstLine);
    if (result.ok) {
      ({ data: frontMatter, glossaryLines } = result);
      const missing = missingSiteFile(frontMatter.media, options.siteFiles);
      if (missing) messages.push({ line: result.fieldLines.media!, message: missing });
    } else messages.push(...result.problems);
    described = result.speakers;
  }
  const speakers = described?.speakers ?? {};

  const { blocks, strayLine, whiteLines } = splitBlocks(split.body);
  if (strayLine) {
    messages.push({
      line: strayLine.line,
      message:
        'text before the first speaker label: start this line with a label such as `**Name:**`, or remove it',
    });
  }

  if (described) messages.push(...sharedNames(speakers, described.lines));
  const read = readBlocks(blocks);
  messages.push(...read.problems, ...checkBlocks(read.blocks));
  // Without its speakers, who a label names is not known.
  const { turns, problems, warnings } = pairBlocks(read.blocks, new Cast(speakers, !!described));
  // With the syntax budget spent, the last block read may have lost its partner to it.
  if (!read.spent) messages.push(...problems);
  // Without its front matter's end, its speakers (who a label names) or a paragraph that could
  // not be read, a file's turns are not known, so neither is whether it has none.
  const turnsKnown =
    split.unclosedFrontMatterLine === undefined && !!described && read.problems.length === 0;
  if (turns.length === 0 && turnsKnown) {
    messages.push({
      line: 1,
      message:
        'this transcript has no turns: write each turn as a block `**Name:** text` in Chinese and one in English, one after the other',
    });
  }

  if (messages.length > 0) {
    return {
      ok: false,
      problems: messages
        .sort(compareLocations)
        .map((message) => ({ file: options.file, ...message })),
    };
  }

  const glossary = readGlossary(turns, frontMatter.glossary, glossaryLines);
  return {
    ok: true,
    warnings: [
      ...warnings,
      ...whiteLines.map(whiteLine),
      ...silentSpeakers(described?.lines.keys ?? {}, turns),
      ...glossary.warnings,
    ]
      .sort(compareLocations)
      .map((message) => ({ file: options.file, ...message, severity: 'warning' as const })),
    transcript: {
      ...frontMatter,
      title: frontMatter.title ?? same(titleFromSlug(options.slug)),
      speakers: speakersOf(speakers, turns),
      turns: withGlossMarks(turns, glossary.glossary),
      glossary: glossary.glossary,
    },
  };
}

/** Why a `media` path under the site is wrong when the site has no file there; undefined when it is not. */
export function missingSiteFile(
  media: string | undefined,
  siteFiles: SiteFiles | undefined,
): string | undefined {
  if (media === undefined || !siteFiles) return undefined;
  const classified = classifyMedia(media);
  const sitePath = classified.kind === 'file' ? classified.sitePath : undefined;
  if (sitePath === undefined || siteFiles.has(sitePath)) return undefined;
  return `front matter field \`media\` is \`${quote(media)}\`, a path under the site, but there is no file \`${quote(`${siteFiles.folder}${sitePath}`)}\`: put the recording there, or correct the path, which starts after ${quote(siteFiles.folder)}/ as the site serves it`;
}

/**
 * An empty file is most often one created and not yet written, or one
 * emptied by accident: say that, rather than that it has no turns.
 */
function blankFile(source: string): LocatedMessage | undefined {
  const text = withoutByteOrderMark(source);
  if (text.trim() !== '') return undefined;
  const what = text === '' ? 'is empty' : 'holds only white space';
  return {
    line: 1,
    message: `this file ${what}: write the transcript in it as blocks \`**Name:** text\`, one in Chinese and one in English for each turn, or delete the file`,
  };
}

/**
 * A line whose text is only white space other than spaces and tabs is read
 * as blank, as it looks; the author is told which characters it held, so
 * none is dropped without a word.
 */
function whiteLine({ line, text }: SourceLine): LocatedMessage {
  const white = [...new Set(text.match(/[^ \t]/gu))].filter((character) => /\s/u.test(character));
  const names = white.map(codePoint);
  return {
    line,
    message: `the text of this line is only white space (${names.join(', ')}), which a page shows as nothing, so it is read as a blank line: delete those characters, or write the text that belongs here`,
  };
}

/** Speakers the front matter describes who never speak: most often a label spelt two ways. */
function silentSpeakers(speakerLines: Record<string, number>, turns: Turn[]): LocatedMessage[] {
  const heard = speakersInOrder(turns);
  const spoken = new Set(heard);
  return Object.entries(speakerLines)
    .filter(([label]) => !spoken.has(label))
    .map(([label, line]) => {
      const guess = closestMatch(label, heard);
      const hint = guess ? ` (did you mean \`${quote(guess)}\`?)` : '';
      return {
        line,
        message: `the front matter describes the speaker \`${quote(label)}\`, but no block has that label${hint}: use the label exactly as the text writes it`,
      };
    });
}

/** The turns with the glossary's English terms marked in their English blocks' HTML (gloss-marks.ts). */
function withGlossMarks(turns: Turn[], glossary: readonly GlossaryEntry[]): Turn[] {
  if (glossary.length === 0) return turns;
  const matcher = termMatcher(glossary);
  return turns.map((turn) => {
    if (findTerms(turn.en.text, matcher).length === 0) return turn;
    return { ...turn, en: { ...turn.en, html: markGlosses(turn.en.html, matcher) } };
  });
}

/** Every speaker: those the front matter describes, then those who speak without it, named by their label. */
function speakersOf(
  described: Readonly<Record<string, Speaker>>,
  turns: readonly Turn[],
): Record<string, Speaker> {
  const speakers = { ...described };
  for (const key of speakersInOrder(turns)) speakers[key] ??= { name: same(key) };
  return speakers;
}
