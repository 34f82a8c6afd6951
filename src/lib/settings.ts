/**
 * The site's settings, as an author writes them in `duet.config.ts` at the
 * project's root: zod is the one source of truth, the type comes from it.
 * astro.config.ts gives `site` and `base` to Astro, whose `--site` and
 * `--base` flags override them for one build; the pages read the rest.
 */
import { z } from 'zod';
import { ContentError } from './transcript/content-error.ts';
import { languageModes } from '../client/language-mode.ts';
import { closestMatch } from './transcript/suggest.ts';
import { same } from './localized.ts';

/** Where the settings live, as the author knows the file. */
export const SETTINGS_FILE = 'duet.config.ts';

const text = z.string().trim().min(1, 'must not be empty');
/** Text in both languages, `{ en, zh }`, or one text for both. */
const localizedText = z
  .union([text, z.strictObject({ en: text, zh: text })], {
    error: 'must be text, or { en: …, zh: … } giving it in each language',
  })
  .transform((value) => (typeof value === 'string' ? same(value) : value));

export const settingsSchema = z.strictObject({
  /** The site's name: the header, the home page's heading, every page's title, the feed. */
  title: text.default('Duet'),
  /**
   * One or two sentences about the site, in both languages or one text for
   * both: the home page's introduction (in the reader's language), its meta
   * description and the feed's subtitle (in both).
   */
  description: localizedText.default({
    en: 'Conversations in Chinese and English, each turn in both languages. Read them side by side or one language at a time, and link to any turn.',
    zh: '中英双语的对话，每段发言都有两种语言。可以对照阅读，也可以只读一种语言，还可以链接到任何一段。',
  }),
  /**
   * The address the site is published at, such as `https://example.org`; a
   * path belongs in `base`. Canonical addresses, Open Graph, the sitemap
   * and the feed need it; without it they are left out.
   */
  site: z
    .url({
      protocol: /^https?$/,
      error: 'must be a web address starting with https:// or http://, such as https://example.org',
    })
    .optional(),
  /** The path the site is served under, such as `/duet` for `https://example.org/duet/`; `/` by default. */
  base: z
    .string()
    .regex(/^\/[^\s?#\\]*$/, 'must be a path starting with /, such as /duet (no spaces, ? or #)')
    .default('/'),
  /**
   * The language mode a first-time reader sees: `both` (the two languages
   * side by side), `zh` or `en`. A reader's own choice, once made, wins.
   */
  languageMode: z
    .enum(languageModes, { error: `must be one of ${languageModes.join(', ')}` })
    .default('both'),
  /**
   * Whether every turn has a share page, `/<slug>/turn-N/`, whose link
   * preview quotes the turn; "Copy link" then copies that address. On by
   * default. A large site may turn them off to stay within a host's limit on
   * files (they are one file a turn: the README's "Publishing" says what each
   * host takes): then no file is written for a turn, and "Copy link" copies
   * the turn's permalink on its reader, `/<slug>/#turn-N`.
   */
  sharePages: z.boolean({ error: 'must be true or false' }).default(true),
});

/** The settings as written: every field may be left out. */
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

const fields = Object.keys(settingsSchema.shape);

/** `duet.config.ts: site: must be …`, one line per problem, each naming its field and how to fix it. */
export function settingsProblems(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const guess = closestMatch(key, fields);
        const hint = guess ? `did you mean ${guess}?` : `the fields are ${fields.join(', ')}`;
        return `${SETTINGS_FILE}: ${key}: is not a setting: ${hint}`;
      });
    }
    const field = issue.path.join('.') || 'the settings';
    return [`${SETTINGS_FILE}: ${field}: ${issue.message}`];
  });
}

/**
 * The settings checked and their defaults filled in; a mistake stops the
 * build with every problem at once, and no stack trace under it.
 */
export function defineSettings(input: SettingsInput): Settings {
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ContentError(
    `The site's settings are not valid:\n${settingsProblems(parsed.error).join('\n')}`,
  );
}
