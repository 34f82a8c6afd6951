/**
 * Who a block's label names. A speaker's key under `speakers:` names them
 * on a block in either language; their name in one language (`zh:` or
 * `en:`) names them on a block in that language, so the Chinese record's
 * `**毛宁:**` and the English one's `**Mao Ning:**` make a pair. A label
 * must name one speaker only, so no name may be two speakers'.
 */
import type { Language } from './language.ts';
import type { LocatedMessage } from './problem.ts';
import { quote } from './quote.ts';
import type { Speaker } from './schema.ts';
import { closestMatch } from './suggest.ts';

/** What a label names: a speaker, and the languages of the blocks it may label. */
export interface Named {
  key: string;
  languages: readonly Language[];
}

/** Where each speaker is written in the front matter: their key's line, and their names' lines. */
export interface SpeakerLines {
  keys: Record<string, number>;
  names: Record<string, Partial<Record<Language, number>>>;
}

/**
 * Did-you-mean for at most this many distinct unknown labels in a file:
 * each costs up to a millisecond against a long list of speakers, and a
 * file of thousands of distinct misspelt labels (generated, or hostile)
 * needs its messages, not a minute of suggestions.
 */
const MOST_SUGGESTIONS = 100;

export class Cast {
  /** Whether the front matter lists speakers: then every label must name one of them. */
  readonly listed: boolean;
  /**
   * Whether the front matter could be read. Where it could not, who a label
   * names is not known, so two labels that differ are no problem of their own.
   */
  readonly readable: boolean;
  readonly #speakers: Readonly<Record<string, Speaker>>;
  readonly #labels = new Map<string, Named>();
  readonly #suggestions = new Map<string, string | undefined>();

  constructor(speakers: Readonly<Record<string, Speaker>>, readable = true) {
    this.readable = readable;
    this.#speakers = speakers;
    this.listed = Object.keys(speakers).length > 0;
    // A name two speakers share is a problem of its own (sharedNames): the first keeps it.
    for (const [key, { name }] of Object.entries(speakers)) {
      for (const [label, languages] of labelsOf(key, name)) {
        if (!this.#labels.has(label)) this.#labels.set(label, { key, languages });
      }
    }
  }

  /** The speaker a label names, or undefined when it names none. */
  named(label: string): Named | undefined {
    return this.#labels.get(label);
  }

  /** How a block in `language` by the speaker `key` is best labelled: their name in that language. */
  labelIn(key: string, language: Language): string {
    return this.#speakers[key]?.name[language] ?? key;
  }

  /** Whether the front matter gives the speaker `key` a name in `language` other than their key. */
  hasOwnName(key: string, language: Language): boolean {
    return this.labelIn(key, language) !== key;
  }

  /** The key or name closest to a label that names no one, when one is a likely typo of it. */
  closest(label: string): string | undefined {
    if (this.#suggestions.has(label)) return this.#suggestions.get(label);
    const guess =
      this.#suggestions.size < MOST_SUGGESTIONS
        ? closestMatch(label, [...this.#labels.keys()])
        : undefined;
    this.#suggestions.set(label, guess);
    return guess;
  }
}

/** The labels that name a speaker, each with the languages of the blocks it may label. */
function labelsOf(key: string, name: Speaker['name']): Map<string, Language[]> {
  const labels = new Map<string, Language[]>([[key, ['zh', 'en']]]);
  for (const language of ['zh', 'en'] as const) {
    if (!labels.has(name[language])) labels.set(name[language], []);
    const languages = labels.get(name[language])!;
    if (!languages.includes(language)) languages.push(language);
  }
  return labels;
}

/**
 * Each key or name that two speakers share, at the line where the second
 * one gives it: a block it labels could be either speaker's.
 */
export function sharedNames(
  speakers: Readonly<Record<string, Speaker>>,
  lines: SpeakerLines,
): LocatedMessage[] {
  const owners = new Map<string, { key: string; line: number | undefined }>();
  const problems: LocatedMessage[] = [];
  for (const [key, { name }] of Object.entries(speakers)) {
    for (const label of labelsOf(key, name).keys()) {
      const line =
        label === key
          ? lines.keys[key]
          : (lines.names[key]?.[label === name.zh ? 'zh' : 'en'] ?? lines.keys[key]);
      const owner = owners.get(label);
      if (!owner) {
        owners.set(label, { key, line });
        continue;
      }
      const where = owner.line === undefined ? '' : ` on line ${owner.line}`;
      problems.push({
        line: line ?? 1,
        message: `front matter: \`${quote(label)}\` names two speakers, \`${quote(owner.key)}\`${where} and \`${quote(key)}\` here, so a block labelled **${quote(label)}:** could be either's: give each speaker names of their own`,
      });
    }
  }
  return problems;
}
