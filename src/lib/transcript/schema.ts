/**
 * The shapes of a transcript: what an author may write in the front matter
 * and what the parser hands to the site. zod is the one source of truth;
 * the TypeScript types are inferred from it.
 */
import { z } from 'zod';
import type { Localized } from '../localized.ts';
import { classifyMedia } from '../media.ts';

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

/**
 * A recording's address: a file a browser plays, on the web or a path under
 * the site (`/media/panel.mp3`, served from `public/`), or a video's page on
 * a video site (src/lib/media.ts says which and why). Whether a path under
 * the site names a file is the build's to check (./files.ts).
 */
const mediaAddress = z.string().check((context) => {
  const media = classifyMedia(context.value);
  if (media.kind !== 'invalid') return;
  context.issues.push({ code: 'custom', input: context.value, message: media.problem });
});

/**
 * Text in both languages, as the site gets it (src/lib/localized.ts shows
 * it): a field of the front matter, or a speaker's name.
 */
export const localizedSchema = z.object({ en: text, zh: text }) satisfies z.ZodType<Localized>;

/**
 * A field an author may give in both languages: one text, which stands for
 * both, or a map `{ zh, en }`, where a language left out is filled with the
 * other's text, so every page has something to show in either mode.
 */
const inBothLanguages = z
  .union([
    text,
    z
      .strictObject({ zh: text.optional(), en: text.optional() })
      .refine((map) => map.zh !== undefined || map.en !== undefined, {
        message: 'is an empty map: write its text after the colon, or `{ zh: …, en: … }`',
        // A map of other keys is told about those instead.
        when: (payload) => payload.issues.length === 0,
      }),
  ])
  .transform((value): Localized => {
    if (typeof value === 'string') return { en: value, zh: value };
    const { zh = value.en!, en = value.zh! } = value;
    return { en, zh };
  });

export const speakerInfoSchema = z.strictObject({
  /** What the speaker does here, e.g. "Moderator" or "Panelist". */
  role: inBothLanguages.optional(),
  /** The team or organisation the speaker belongs to. */
  team: inBothLanguages.optional(),
  /** The speaker's name in Chinese, where it is not the label: a Chinese block may be labelled with it. */
  zh: text.optional(),
  /** The speaker's name in English, where it is not the label: an English block may be labelled with it. */
  en: text.optional(),
});

/** A speaker as the site gets them: their name in each language (the label where the front matter gives none). */
export const speakerSchema = z.object({
  name: localizedSchema,
  role: localizedSchema.optional(),
  team: localizedSchema.optional(),
});

/** A speaker the front matter describes under `key`, as the site gets them. */
function describedSpeaker(
  key: string,
  { zh, en, role, team }: z.output<typeof speakerInfoSchema>,
): Speaker {
  return { name: { en: en ?? key, zh: zh ?? key }, ...(role && { role }), ...(team && { team }) };
}

/** A Chinese term of the front matter's `glossary:`: it holds Chinese, so a reversed entry is caught. */
const chineseTerm = z.string().check((context) => {
  if (/\p{Script=Han}/u.test(context.value)) return;
  context.issues.push({
    code: 'custom',
    input: context.value,
    message:
      'must be a Chinese term: write each entry as `中文术语: English term`, the Chinese first',
  });
});

export const frontMatterSchema = z.strictObject({
  /** Shown as the page title; defaults to the slug made readable. */
  title: inBothLanguages.optional(),
  /** One or two sentences for the home page and search engines. */
  description: inBothLanguages.optional(),
  /** When the conversation took place, YYYY-MM-DD. */
  date: isoDate.optional(),
  /** The event the conversation was part of. */
  event: inBothLanguages.optional(),
  /** Where the original recording or text can be found. */
  source: webAddress.optional(),
  /** The recording the turns' start times point into (CONTRACT.md, Recording). */
  media: mediaAddress.optional(),
  /**
   * Each speaker's key, which labels their blocks in either language, to
   * who that speaker is; a `zh` or `en` name labels their blocks in that
   * language too (names.ts reads the labels).
   */
  speakers: z
    .record(z.string(), speakerInfoSchema.nullable())
    .transform((speakers) =>
      Object.fromEntries(
        Object.entries(speakers).map(([key, info]) => [key, describedSpeaker(key, info ?? {})]),
      ),
    )
    .optional(),
  /**
   * Chinese term to English term: sets where a term the text glosses starts
   * (`可纠正性: corrigibility` for 我在思考可纠正性(corrigibility)), or adds
   * a term the text does not gloss.
   */
  glossary: z.record(chineseTerm, text).optional(),
});

export const frontMatterFields = Object.keys(frontMatterSchema.shape);
export const speakerInfoFields = Object.keys(speakerInfoSchema.shape);

/** The front matter as read: each field in both languages (`Localized`), each speaker with their name. */
export type FrontMatter = z.output<typeof frontMatterSchema>;
/** The front matter as an author writes it. */
export type FrontMatterSource = z.input<typeof frontMatterSchema>;

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
  /** The speaker's key under `speakers` (the label itself, where the front matter does not describe them). */
  speaker: z.string().min(1),
  /** Where the turn starts in the recording, in seconds, when a label gives it (`**Josh [12:34]:**`). */
  start: z.number().nonnegative().optional(),
  zh: blockSchema,
  en: blockSchema,
});

/** A term of the transcript's glossary (src/lib/transcript/glossary.ts reads it). */
export const glossaryEntrySchema = z.object({
  /** The Chinese term. */
  zh: z.string().min(1),
  /**
   * The Chinese term's pinyin in tone marks, word by word, each word's syllables a space apart
   * (src/lib/reading-aids/pinyin.ts, `termPinyin`): 可解释性 is `['kě', 'jiě shì', 'xìng']`.
   */
  pinyin: z.array(z.string().min(1)),
  /** The English term, as the text's first gloss of it writes it. */
  en: z.string().min(1),
  /** The abbreviation of a gloss written `ABBR(术语,term)`. */
  abbr: z.string().min(1).optional(),
  /** Each turn that glosses the term, and whether that turn's English uses the English term. */
  turns: z.array(z.object({ number: z.number().int().positive(), inEnglish: z.boolean() })),
});

/** What the site gets: the front matter with its defaults filled in, and the turns. */
export const transcriptSchema = z.object({
  /** The front matter's, or the slug made readable. */
  title: localizedSchema,
  description: localizedSchema.optional(),
  date: isoDate.optional(),
  event: localizedSchema.optional(),
  source: webAddress.optional(),
  media: mediaAddress.optional(),
  /** Every speaker by key: each one who speaks, and each one the front matter describes. */
  speakers: z.record(z.string(), speakerSchema),
  turns: z.array(turnSchema).min(1),
  /** The terms the Chinese text glosses, and the front matter's, in the order they first appear. */
  glossary: z.array(glossaryEntrySchema),
});

export type Turn = z.infer<typeof turnSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;
export type Speaker = z.infer<typeof speakerSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
