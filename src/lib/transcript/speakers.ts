/** Who speaks in a transcript, for lists and the reader's turn headers. */
import { same, type Localized } from '../localized.ts';
import type { Speaker, Turn } from './schema.ts';

/** Speakers' keys in the order they first speak. */
export function speakersInOrder(turns: readonly Turn[]): string[] {
  return [...new Set(turns.map((turn) => turn.speaker))];
}

/** The name of the speaker `key` in each language: the parser gives every speaker one, their key by default. */
export function nameOf(
  speakers: Readonly<Record<string, { name: Localized }>>,
  key: string,
): Localized {
  return speakers[key]?.name ?? same(key);
}

/**
 * "Panelist, Interpretability" in each language, or undefined when nothing
 * is known. Chinese text is joined with a Chinese comma; where both parts
 * are the same in both languages, so is the whole, and it is shown once.
 */
export function describeSpeaker(speaker: Speaker | undefined): Localized | undefined {
  const parts = [speaker?.role, speaker?.team].filter((part) => part !== undefined);
  if (parts.length === 0) return undefined;
  const zh = parts.map((part) => part.zh);
  return {
    en: parts.map((part) => part.en).join(', '),
    zh: zh.join(zh.some((part) => /\p{Script=Han}/u.test(part)) ? '，' : ', '),
  };
}
