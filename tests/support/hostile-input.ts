/**
 * Input written to be slow, in one place: the tests check what it gives
 * and the work it takes, counted (tests/unit/suggest.test.ts,
 * tests/processes/check.test.ts, tests/unit/site-index-hostile.test.ts),
 * and the bench times it against budgets (bench/hostile-input.ts, the
 * search's in bench/recall.ts), so that no test fails on a loaded machine.
 */
import type { SearchRecord } from '../../src/lib/search/records.ts';
import type { Entry } from './folder-entries.ts';

/** A label of 25,000 characters: no typo of another, and too long to compare with one. */
export const LONG_LABEL = 'A'.repeat(25_000);

/**
 * 2,000 labels of 100 letters, anagrams of one another: the same length and
 * the same letters, so only comparing them tells them apart, and the
 * did-you-mean's shortcuts pass every one on to it. Shuffled by a seeded PRNG.
 */
export function anagramLabels(): string[] {
  let seed = 7;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const shuffled = (text: string) => [...text].sort(() => random() - 0.5).join('');
  return Array.from({ length: 2_000 }, () => shuffled('ab'.repeat(50)));
}

/**
 * 20 words of those letters in two runs (`aaa…bbb`, turned round by 5 more
 * each time): an anagram of every label, and far from all of them, so none
 * is a likely typo and each is compared until the did-you-mean's bound.
 */
export const FAR_WORDS = Array.from({ length: 20 }, (_, index) => {
  const runs = 'a'.repeat(50) + 'b'.repeat(50);
  return runs.slice(index * 5) + runs.slice(0, index * 5);
});

/** A transcript describing a speaker of 25,000 characters and a `B`, who never speaks; one without the `B` does. */
export const LONG_SPEAKER_SOURCE = `---\nspeakers:\n  ? ${LONG_LABEL}B\n  : {role: Host}\n  ? ${LONG_LABEL}\n  : {}\n---\n**${LONG_LABEL}:** 你好。\n**${LONG_LABEL}:** Hello.\n`;

const TURN = '**Ada:** 你好。\n**Ada:** Hello.\n';

/**
 * A transcripts folder `npm run check` must answer without reading most of
 * it: links that lead nowhere, to a device and to a folder, a folder and a
 * pipe named `.md`, a file of 6 MB, a name in capitals, and one good file.
 */
export const HOSTILE_FOLDER: Record<string, Entry> = {
  'dangling.md': { link: 'missing.md' },
  'device.md': { link: '/dev/zero' },
  'folder.md': { folder: {} },
  'good.md': TURN,
  'huge.md': new Uint8Array(6_000_000).fill(0x61),
  'Misnamed.MD': TURN,
  'pipe.md': { pipe: true },
  'to-folder.md': { link: 'folder.md' },
};

/** A query written to be costly for the site's search, with what it is, for the tables. */
export interface HostileQuery {
  what: string;
  query: string;
}

/** `text` over and over, cut at `length` characters. */
function filled(text: string, length: number): string {
  return text.repeat(Math.ceil(length / Math.max(1, text.length))).slice(0, length);
}

/**
 * Queries a reader could paste that a search must answer as cheaply as any
 * other, made from the site's own texts so their words are found in the
 * index: a page of its turns in both languages (10,000 characters), 1,000
 * of its English words, one letter and one Han character repeated, and
 * punctuation only.
 */
export function hostileQueries(records: readonly SearchRecord[]): HostileQuery[] {
  const turns = records.flatMap((record) => record.turns);
  const page = turns.map((turn) => `${turn.zh}\n${turn.en}`).join('\n');
  const words = turns.flatMap((turn) => turn.en.match(/[A-Za-z]+/g) ?? []);
  const thousand = Array.from({ length: 1_000 }, (_, i) => words[i % words.length]).join(' ');
  return [
    { what: 'a pasted page, 10,000 characters', query: filled(page, 10_000) },
    { what: '1,000 words', query: thousand },
    { what: 'one letter, 10,000 times', query: 'a'.repeat(10_000) },
    { what: 'one Han character, 10,000 times', query: '的'.repeat(10_000) },
    { what: 'punctuation only', query: filled('?!.,;:“”—…（），。', 10_000) },
  ];
}
