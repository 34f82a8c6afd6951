/**
 * Synthetic transcripts for the benchmark, recombined from the seed's
 * parsed turns by a seeded PRNG: the same N always writes the same files.
 * Each one has its own title, date (or none), event, description and
 * speaker names, so the home page's sort and speaker lists do real work.
 *
 * They have as many turns as the seed on average (46: 5,000 transcripts are
 * about 230,000 turns), and every block ends in words of its own (which
 * session, which part), so no two blocks of the site are the same text. A
 * recombined turn copied as it is would be one string over and over, and
 * whatever stores strings once (Astro's content store serializes with
 * devalue, which does) would be measured on a fraction of a real site's
 * text: 5,000 transcripts of copies make a 27 MB store.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Localized } from '../src/lib/localized.ts';
import type { FrontMatterSource, Speaker, Transcript, Turn } from '../src/lib/transcript/schema.ts';
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

export interface Content {
  /** The slugs written, the seed's first. */
  slugs: string[];
  /** Turns in all of them. */
  turns: number;
}

/**
 * Writes the seed and `count - 1` synthetic transcripts into `folder`
 * (which must not exist yet), so a build has `count` transcripts and the
 * seed's reader page can be measured at every size.
 */
export async function writeContent(folder: string, seed: Seed, count: number): Promise<Content> {
  await mkdir(folder, { recursive: true });
  await copyFile(seed.file, path.join(folder, `${seed.slug}.md`));
  const slugs = [seed.slug];
  let turns = seed.transcript.turns.length;
  const random = createRandom(PRNG_SEED);
  for (let index = 1; index < count; index++) {
    const { slug, text, turnCount } = synthesize(seed.transcript, index, random);
    await writeFile(path.join(folder, `${slug}.md`), text);
    slugs.push(slug);
    turns += turnCount;
  }
  return { slugs, turns };
}

/**
 * An author's small edit to one transcript of a folder that `writeContent`
 * filled, for the rebuild: the one in the middle of the written order (not
 * the seed, whose page the bench measures) gets a stage direction at the end
 * of its last block. Its title, speakers and turns stay, so no other page
 * changes. Returns the edited slug.
 */
export async function editOne(folder: string, content: Content): Promise<string> {
  if (content.slugs.length < 2) throw new Error('a rebuild needs a transcript besides the seed');
  const slug = content.slugs[Math.floor(content.slugs.length / 2)]!;
  const file = path.join(folder, `${slug}.md`);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/\n$/, ' [edited]\n'));
  return slug;
}

/** The fewest and the most turns of a synthetic transcript: 46 on average, as the seed. */
export const TURNS = { min: 23, max: 69 } as const;

/** One synthetic transcript: front matter, then 23 to 69 of the seed's turns, each made its own. */
export function synthesize(
  seed: Transcript,
  index: number,
  random: () => number,
): { slug: string; text: string; turnCount: number } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const topic = pick(TOPICS);
  const slug = `${topic.replace(/ /g, '-')}-${String(index).padStart(4, '0')}`;

  // Give each of the seed's speakers a new name, distinct within the transcript.
  const names = shuffle(NAMES, random);
  const rename = new Map<string, string>();
  Object.keys(seed.speakers).forEach((speaker, i) => {
    rename.set(speaker, speaker === 'Moderator' || speaker === 'Audience' ? speaker : names[i]!);
  });

  const turnCount = TURNS.min + Math.floor(random() * (TURNS.max - TURNS.min + 1));
  const turns: Turn[] = Array.from({ length: turnCount }, () => pick(seed.turns));

  const speakers: NonNullable<FrontMatterSource['speakers']> = {};
  for (const turn of turns) {
    const name = rename.get(turn.speaker) ?? turn.speaker;
    const role = seed.speakers[turn.speaker]?.role?.en;
    speakers[name] =
      name === 'Audience' ? { role: 'Audience member' } : { role, team: pick(TEAMS) };
  }

  const frontMatter: FrontMatterSource = {
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

  const body = turns.flatMap((turn, i) => {
    const name = rename.get(turn.speaker) ?? turn.speaker;
    const part = i + 1;
    const zh = block(name, ending(turn.zh.paragraphs, `（第 ${index} 场，第 ${part} 段。）`));
    const en = block(name, ending(turn.en.paragraphs, ` (Session ${index}, part ${part}.)`));
    // Either order is a turn; mostly Chinese first, as in the seed.
    return random() < 0.75 ? [zh, en] : [en, zh];
  });

  return { slug, text: `---\n${stringify(frontMatter)}---\n${body.join('\n')}\n`, turnCount };
}

/**
 * Speakers as an author writes them in the front matter, from the parsed
 * transcript's: a field the same in both languages as one text, a name
 * only where it is not the key.
 */
export function speakersSource(
  speakers: Readonly<Record<string, Speaker>>,
): NonNullable<FrontMatterSource['speakers']> {
  const written = (value: Localized | undefined) =>
    value && (value.en === value.zh ? value.en : { ...value });
  return Object.fromEntries(
    Object.entries(speakers).map(([key, { name, role, team }]) => [
      key,
      {
        ...(name.zh !== key && { zh: name.zh }),
        ...(name.en !== key && { en: name.en }),
        ...(role && { role: written(role) }),
        ...(team && { team: written(team) }),
      },
    ]),
  );
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

/** The paragraphs with `words` added to the last one. */
function ending(paragraphs: readonly string[], words: string): string[] {
  return paragraphs.map((paragraph, i) =>
    i === paragraphs.length - 1 ? paragraph + words : paragraph,
  );
}

function block(speaker: string, paragraphs: readonly string[]): string {
  return `**${speaker}:** ${paragraphs.join('\n')}`;
}
