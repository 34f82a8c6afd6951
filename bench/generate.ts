/**
 * Synthetic transcripts for the benchmark, recombined from the seed's
 * parsed turns by a seeded PRNG: the same N always writes the same files.
 * Each one has its own title, date (or none), event, description and
 * speaker names, so the home page's sort and speaker lists do real work.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { FrontMatter, SpeakerInfo, Transcript, Turn } from '../src/lib/transcript/schema.ts';
import { createRandom } from '../tests/support/random.ts';

/** The PRNG's seed: change it and every synthetic transcript changes. */
export const PRNG_SEED = 20240531;

export interface Seed {
  /** The seed transcript's file, copied as it is into every content folder. */
  file: string;
  slug: string;
  transcript: Transcript;
}

const NAMES = [
  'Chen Jing',
  'Priya Raman',
  'Tomás Ortega',
  'Wang Lei',
  'Amara Okafor',
  'Hiroshi Sato',
  'Sofia Lindqvist',
  'Li Na',
  'Daniel Cohen',
  'Zhang Wei',
  'Fatima Haddad',
  'Marcus Reed',
  'Liu Yang',
  'Elena Petrova',
];
const TEAMS = ['Alignment Science', 'Interpretability', 'Policy', 'Frontier Red Team', 'Evals'];
const FORMS = [
  'A panel on',
  'Notes on',
  'Questions about',
  'A conversation about',
  'Fireside chat:',
];
const TOPICS = [
  'alignment',
  'interpretability',
  'evaluations',
  'oversight',
  'red teaming',
  'honesty',
  'reward hacking',
  'model character',
];
const EVENTS = ['Research Summit', 'Alignment Workshop', 'Open Office Hours', 'Reading Group'];

const FIRST_DAY = Date.UTC(2019, 0, 1);
const DAYS = 7 * 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Writes the seed and `count - 1` synthetic transcripts into `folder`
 * (which must not exist yet), so a build has `count` transcripts and the
 * seed's reader page can be measured at every size.
 */
export async function writeContent(folder: string, seed: Seed, count: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  await copyFile(seed.file, path.join(folder, `${seed.slug}.md`));
  const random = createRandom(PRNG_SEED);
  for (let index = 1; index < count; index++) {
    const { slug, text } = synthesize(seed.transcript, index, random);
    await writeFile(path.join(folder, `${slug}.md`), text);
  }
}

/** One synthetic transcript: front matter, then 6 to 46 of the seed's turns. */
export function synthesize(
  seed: Transcript,
  index: number,
  random: () => number,
): { slug: string; text: string } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const topic = pick(TOPICS);
  const slug = `${topic.replace(/ /g, '-')}-${String(index).padStart(4, '0')}`;

  // Give each of the seed's speakers a new name, distinct within the transcript.
  const names = shuffle(NAMES, random);
  const rename = new Map<string, string>();
  Object.keys(seed.speakers).forEach((speaker, i) => {
    rename.set(speaker, speaker === 'Moderator' || speaker === 'Audience' ? speaker : names[i]!);
  });

  const turnCount = 6 + Math.floor(random() * (seed.turns.length - 5));
  const turns: Turn[] = Array.from({ length: turnCount }, () => pick(seed.turns));

  const speakers: Record<string, SpeakerInfo> = {};
  for (const turn of turns) {
    const name = rename.get(turn.speaker) ?? turn.speaker;
    const role = seed.speakers[turn.speaker]?.role;
    speakers[name] =
      name === 'Audience' ? { role: 'Audience member' } : { role, team: pick(TEAMS) };
  }

  const frontMatter: FrontMatter = {
    title: `${pick(FORMS)} ${topic}, session ${index}`,
    speakers,
  };
  if (random() < 0.8) {
    frontMatter.description = `A recombined conversation about ${topic} for the benchmark.`;
  }
  // One in ten undated, and few enough days that some dates repeat.
  if (random() < 0.9) {
    const day = new Date(FIRST_DAY + Math.floor(random() * DAYS) * DAY_MS);
    frontMatter.date = day.toISOString().slice(0, 10);
  }
  if (random() < 0.5) frontMatter.event = pick(EVENTS);
  if (random() < 0.3) frontMatter.source = `https://example.com/recordings/${slug}`;

  const body = turns.flatMap((turn) => {
    const name = rename.get(turn.speaker) ?? turn.speaker;
    const zh = block(name, turn.zh.paragraphs);
    const en = block(name, turn.en.paragraphs);
    // Either order is a turn; mostly Chinese first, as in the seed.
    return random() < 0.75 ? [zh, en] : [en, zh];
  });

  return { slug, text: `---\n${stringify(frontMatter)}---\n${body.join('\n')}\n` };
}

/** Fisher–Yates, on a copy. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function block(speaker: string, paragraphs: readonly string[]): string {
  return `**${speaker}:** ${paragraphs.join('\n')}`;
}
