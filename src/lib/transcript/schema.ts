/**
 * The shapes of a transcript: what an author may write in the front matter
 * and what the parser hands to the site. zod is the one source of truth;
 * the TypeScript types are inferred from it.
 */
import { z } from 'zod';

/**
 * Spaces, tabs and line breaks at either end: what YAML itself treats as
 * blank, and a reader cannot see at the edge of a title. Anything else,
 * such as an ideographic space (U+3000), takes room on the page and is kept.
 * A loop, not a regular expression: `/[ \t]+$/` takes quadratic time on a
 * long run of spaces that does not end the text.
 */
function trimBlanks(value: string): string {
  const blank = (index: number) => ' \t\r\n'.includes(value[index] ?? 'x');
  let start = 0;
  let end = value.length;
  while (start < end && blank(start)) start++;
  while (end > start && blank(end - 1)) end--;
  return value.slice(start, end);
}

const text = z
  .string()
  .overwrite(trimBlanks)
  .check((context) => {
    // String.prototype.trim knows every white space character, U+3000 included.
    if (context.value.trim() !== '') return;
    context.issues.push({
      code: 'custom',
      input: context.value,
      message:
        context.value === ''
          ? 'must not be empty'
          : 'holds only white space: write its text, or leave the field out',
    });
  });

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
const isoDate = z.string().refine(
  (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  },
  { message: 'must be a date written YYYY-MM-DD, for example 2024-05-31' },
);

const webAddress = z.url({
  protocol: /^https?$/,
  error: 'must be a web address starting with https:// or http://',
});

export const speakerInfoSchema = z.strictObject({
  /** What the speaker does here, e.g. "Moderator" or "Panelist". */
  role: text.optional(),
  /** The team or organisation the speaker belongs to. */
  team: text.optional(),
});

export const frontMatterSchema = z.strictObject({
  /** Shown as the page title; defaults to the slug made readable. */
  title: text.optional(),
  /** One or two sentences for the home page and search engines. */
  description: text.optional(),
  /** When the conversation took place, YYYY-MM-DD. */
  date: isoDate.optional(),
  /** The event the conversation was part of. */
  event: text.optional(),
  /** Where the original recording or text can be found. */
  source: webAddress.optional(),
  /** Speaker label, exactly as in the body, to who that speaker is. */
  speakers: z.record(z.string(), speakerInfoSchema.nullable()).optional(),
});

export const frontMatterFields = Object.keys(frontMatterSchema.shape);
export const speakerInfoFields = Object.keys(speakerInfoSchema.shape);

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const blockSchema = z.object({
  /** 1-based line of the block's speaker label in the source file. */
  line: z.number().int().positive(),
  /** One entry per source line, as inline Markdown, exactly as written. */
  paragraphs: z.array(z.string()).min(1),
  /** What a reader sees of the paragraphs, Markdown syntax left out, one line each: what search indexes. */
  text: z.string(),
  /** The paragraphs rendered, one `<p>` each: what the reader page shows. */
  html: z.string(),
});

export const turnSchema = z.object({
  /** Position in the transcript, from 1, in source order. */
  number: z.number().int().positive(),
  /** The speaker label as written in the source. */
  speaker: z.string().min(1),
  zh: blockSchema,
  en: blockSchema,
});

/** What the site gets: the front matter with its defaults filled in, and the turns. */
export const transcriptSchema = frontMatterSchema.extend({
  title: text,
  speakers: z.record(z.string(), speakerInfoSchema),
  turns: z.array(turnSchema).min(1),
});

export type Turn = z.infer<typeof turnSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;
export type SpeakerInfo = z.infer<typeof speakerInfoSchema>;
