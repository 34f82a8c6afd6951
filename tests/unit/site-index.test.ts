/**
 * The site index from a reader's side: what a query typed on `/` finds,
 * written from records and read back through an in-memory stand-in for
 * `fetch`, so the files a page would fetch are known too.
 */
import { describe, expect, it } from 'vitest';
import type { SearchOutcome } from '../../src/lib/search/rank.ts';
import { SHOWN } from '../../src/lib/search/rank.ts';
import { searchRecordOf, type SearchRecord } from '../../src/lib/search/records.ts';
import { documentOf } from '../../src/lib/search/site-index/format.ts';
import type { SiteIndexReader } from '../../src/lib/search/site-index/reader.ts';
import {
  MOST_READ,
  searchIndex,
  type SiteFilters,
  type SiteSearchCallbacks,
} from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import {
  memoryIndex,
  record,
  serve,
  writeIndex,
  type MemoryIndex,
} from '../support/memory-index.ts';
import { SEED_SLUG } from '../support/paths.ts';
import { parseFile, SEED } from './helpers.ts';

function search(
  reader: SiteIndexReader,
  input: string,
  filters: SiteFilters = {},
  callbacks: SiteSearchCallbacks = {},
): Promise<SearchOutcome> {
  return searchIndex(reader, parseQuery(input)!, filters, callbacks);
}

/** What a page read: the texts of turns (ranges of `t/`), the whole lists of keys (ranges of `p/`). */
const texts = (index: MemoryIndex) => index.loaded.filter((path) => path.startsWith('t/'));
const lists = (index: MemoryIndex) => index.loaded.filter((path) => path.startsWith('p/'));

/** `slug:turn:language` of each hit, in order. */
async function found(reader: SiteIndexReader, input: string, filters: SiteFilters = {}) {
  const { hits } = await search(reader, input, filters);
  return hits.map((hit) => `${hit.slug}:${hit.turn}:${hit.language}`);
}

const panel = record(
  'panel',
  [
    [
      'Moderator',
      '欢迎大家。今天我们聊可解释性。',
      'Welcome, everyone. Today we talk about interpretability.',
    ],
    ['Josh', '我觉得模型是不是应该更诚实。', 'I think models should perhaps be more honest.'],
    [
      'Amanda',
      '对齐研究很难。',
      'Alignment research is hard, and the models are aligned, or deeply so.',
    ],
    ['Josh', '我们用 SAE 看特征。', 'We look at features with an SAE.'],
  ],
  'What is alignment?',
);
const notes = record('notes', [
  ['Chen', '这个模型是深度对齐的。', 'This model is deeply aligned, we think.'],
  ['Zebra', '我不知道。', 'I do not know.'],
]);
const small = memoryIndex([panel, notes]);

describe('the site index: what a query finds', () => {
  it('finds a Chinese phrase of two or more characters, even inside a word', async () => {
    expect(await found(small.freshReader(), '可解释性')).toEqual(['panel:1:zh']);
    expect(await found(small.freshReader(), '解释')).toEqual(['panel:1:zh']);
    expect(await found(small.freshReader(), '是不是应该更')).toEqual(['panel:2:zh']);
  });

  it('finds English words by their stem: aligned and alignment are one term', async () => {
    const aligned = await found(small.freshReader(), 'alignment');
    expect(aligned).toEqual(expect.arrayContaining(['panel:3:en', 'notes:1:en']));
    expect(aligned).toHaveLength(2);
  });

  it('ranks the turn that holds the words as a phrase first', async () => {
    expect(await found(small.freshReader(), 'deeply aligned')).toEqual([
      'notes:1:en',
      'panel:3:en',
    ]);
  });

  it('shows a hit with its transcript, speaker, text and the words to mark', async () => {
    const { hits } = await search(small.freshReader(), 'honest models');
    expect(hits).toEqual([
      {
        slug: 'panel',
        transcript: { en: 'What is alignment?', zh: 'What is alignment?' },
        speaker: { en: 'Josh', zh: 'Josh' },
        turn: 2,
        language: 'en',
        text: 'I think models should perhaps be more honest.',
        marks: ['models', 'honest'],
      },
    ]);
  });

  it('finds nothing, and reads no turn, for a word no turn holds', async () => {
    const index = memoryIndex([panel, notes]);
    const outcome = await search(index.reader, 'alignment quixotic');
    expect(outcome).toMatchObject({ hits: [], more: false });
    expect(texts(index)).toEqual([]);
  });

  it('keeps to a speaker, and a speaker’s name is not a word of the text', async () => {
    expect(await found(small.freshReader(), 'models', { speaker: 'Josh' })).toEqual(['panel:2:en']);
    expect(await found(small.freshReader(), 'models', { speaker: 'Nobody' })).toEqual([]);
    expect(await found(small.freshReader(), 'zebra')).toEqual([]);
  });

  it('finds a speaker by their key or their name in either language, and shows their name', async () => {
    const press = memoryIndex([
      record(
        'press',
        [
          ['Mao Ning', '我们注意到有关报道。', 'We have noted the reports.'],
          ['CCTV', '请问有何评论？', 'Any comment on the reports?'],
          ['主持人', '谢谢。', 'Thank you, the reports are noted.'],
        ],
        'Press conference',
        {
          'Mao Ning': { en: 'Mao Ning', zh: '毛宁' },
          CCTV: { en: 'CCTV', zh: '总台央视记者' },
          主持人: { en: 'Moderator', zh: '主持人' },
        },
      ),
    ]);
    for (const speaker of ['Mao Ning', '毛宁']) {
      expect(await found(press.freshReader(), 'reports', { speaker })).toEqual(['press:1:en']);
    }
    for (const speaker of ['CCTV', '总台央视记者']) {
      expect(await found(press.freshReader(), 'reports', { speaker })).toEqual(['press:2:en']);
    }
    for (const speaker of ['主持人', 'Moderator']) {
      expect(await found(press.freshReader(), 'reports', { speaker })).toEqual(['press:3:en']);
    }
    const { hits } = await search(press.freshReader(), 'reports', { speaker: '毛宁' });
    expect(hits.map((hit) => [hit.speaker, hit.transcript])).toEqual([
      [
        { en: 'Mao Ning', zh: '毛宁' },
        { en: 'Press conference', zh: 'Press conference' },
      ],
    ]);
  });

  it('keeps to a language, and otherwise shows the one the query is written in', async () => {
    expect(await found(small.freshReader(), 'SAE')).toEqual(['panel:4:en']);
    expect(await found(small.freshReader(), 'SAE', { language: 'zh' })).toEqual(['panel:4:zh']);
    expect(await found(small.freshReader(), 'SAE 特征')).toEqual(['panel:4:zh']);
    expect(await found(small.freshReader(), '对齐', { language: 'en' })).toEqual([]);
  });
});

/** Many short turns that say `word` often (its best postings), and then the turns a test looks for. */
function crowd(word: string, count: number, ...last: SearchRecord['turns'][number][]) {
  const turns = Array.from({ length: count }, (_, i) => ({
    turn: i + 1,
    speaker: i % 2 ? 'Moderator' : 'Guest',
    zh: `第${i}个`,
    en: `${word} ${word} ${word}`,
  }));
  const all = [...turns, ...last.map((t, i) => ({ ...t, turn: count + i + 1 }))];
  return record(
    'crowd',
    all.map(({ speaker, zh, en }) => [speaker, zh, en] as const),
    'Crowd',
  );
}

const filler = 'and then we went on talking about several other things for quite a while';
const needle = { turn: 0, speaker: 'Rare', zh: '很长', en: `${filler} model ${filler} zebra` };

describe('the site index past a term’s first block', () => {
  // Far more turns say "model" than its first block holds.
  const index = memoryIndex([crowd('model', 3000, needle)]);

  it('holds the needle’s "model" only past the first block, as the test needs', async () => {
    const entry = (await index.freshReader().term('model'))!.en!;
    expect(entry.df).toBe(3001);
    expect(entry.first.map((posting) => posting.document)).not.toContain(documentOf(3000, 'en'));
  });

  it('finds a turn that holds a rare word with a common one, reading only that turn', async () => {
    const fresh = memoryIndex([crowd('model', 3000, needle)]);
    expect(await found(fresh.reader, 'model zebra')).toEqual(['crowd:3001:en']);
    // The manifest, the shards, then the needle's pack and its English text alone: no list.
    expect(fresh.loaded.filter((path) => !path.startsWith('s/'))).toEqual([
      'index.json',
      expect.stringMatching(/^f\/\d+\.json$/),
      expect.stringMatching(/^t\/\d+\.bin@\d+-\d+$/),
    ]);
  });

  it('finds a rare speaker’s turn among many that hold the word', async () => {
    expect(await found(index.freshReader(), 'model', { speaker: 'Rare' })).toEqual([
      'crowd:3001:en',
    ]);
  });

  it('reads at most a fixed number of turns, however many hold the word', async () => {
    const fresh = memoryIndex([crowd('model', 400)]);
    const outcome = await search(fresh.reader, 'model', { speaker: 'Moderator' });
    expect(outcome.hits).toHaveLength(SHOWN);
    expect(outcome.more).toBe(true);
    expect(texts(fresh).length).toBeLessThanOrEqual(MOST_READ);
    expect(outcome.hits.every((hit) => hit.speaker.en === 'Moderator')).toBe(true);
  });

  it('reads only the postings of the language asked for', async () => {
    // Every English text is only "gamma"; every Chinese one says it once among many words.
    const turns = Array.from({ length: 300 }, (_, i) => ({
      turn: i + 1,
      speaker: 'Guest',
      zh: `这是第${i}段很长很长的中文 gamma 还有更多更多的中文字`,
      en: 'gamma',
    }));
    const fresh = memoryIndex([
      record(
        'greek',
        turns.map(({ speaker, zh, en }) => [speaker, zh, en] as const),
        'Greek',
      ),
    ]);
    const outcome = await search(fresh.reader, 'gamma', { language: 'zh' });
    expect(outcome.hits).toHaveLength(SHOWN);
    expect(outcome.hits.every((hit) => hit.language === 'zh')).toBe(true);
    expect(texts(fresh)).toHaveLength(SHOWN);
  });

  it('intersects two keys exactly by their whole lists, reading only the turns that hold both', async () => {
    // 600 short turns say "alpha", 600 say "beta": their first blocks. Five long ones say both.
    const short = (word: string) =>
      Array.from({ length: 600 }, () => ['Guest', '短', word] as const);
    const both = Array.from(
      { length: 5 },
      () => ['Guest', '长', `${filler} alpha ${filler} beta`] as const,
    );
    const fresh = memoryIndex([record('greek', [...short('alpha'), ...short('beta'), ...both])]);
    const outcome = await search(fresh.reader, 'alpha beta');
    expect(outcome.hits.map((hit) => hit.turn)).toEqual([1201, 1202, 1203, 1204, 1205]);
    expect(outcome.more).toBe(false);
    expect(lists(fresh)).toHaveLength(2);
    expect(texts(fresh)).toHaveLength(5);
  });
});

describe('the site index: reading in rounds', () => {
  const index = memoryIndex([crowd('model', 60)]);

  it('reports the first round’s results, then reads only what a screenful still needs', async () => {
    const progress: number[] = [];
    const fresh = memoryIndex([crowd('model', 60)]);
    const outcome = await search(
      fresh.reader,
      'model',
      {},
      {
        onProgress: (partial) => progress.push(partial.hits.length),
      },
    );
    expect(progress).toEqual([6]);
    expect(outcome.hits).toHaveLength(SHOWN);
    // Every document read was a result, so the second round read the four still missing.
    expect(texts(fresh)).toHaveLength(SHOWN);
  });

  it('stops reading once a newer search has started', async () => {
    const fresh = memoryIndex([crowd('model', 60)]);
    let current = true;
    const outcome = await search(
      fresh.reader,
      'model',
      {},
      {
        onProgress: () => (current = false),
        isCurrent: () => current,
      },
    );
    expect(outcome.hits).toHaveLength(6);
    expect(texts(fresh)).toHaveLength(6);
  });
});

describe('the site index: rounds of fetches', () => {
  // "some", "kind" and "of" in every turn: common, so their pairs are keys; a key a shard, nearly.
  const sayings = Array.from(
    { length: 200 },
    (_, i) => ['Guest', `第${i}个`, `some kind of ${i}`] as const,
  );
  const files = writeIndex([record('sayings', sayings)], { shardTerms: 1 });

  it('finds a phrase’s first turns in its pairs’ shards: its first texts come in the third round', async () => {
    const index = serve(files, { roundTrip: 20 });
    await index.reader.manifest();
    const asked = index.fetched.length;
    const { hits } = await search(index.reader, 'some kind of');
    expect(hits).toHaveLength(SHOWN);
    const rounds = index.fetched.slice(asked);
    const first = rounds[0]!.round;
    // Each kind of file by the rounds it was fetched in: the words' and the pairs' shards at
    // once, whose starts of the pairs' lists hold the first turns with both, then the pack's
    // header, then the texts (two rounds of them); no whole list.
    const kinds = new Map<string, Set<number>>();
    for (const { path, round } of rounds) {
      const kind = path.split('/')[0]!;
      kinds.set(kind, (kinds.get(kind) ?? new Set()).add(round - first + 1));
    }
    expect(Object.fromEntries([...kinds].map(([kind, seen]) => [kind, [...seen]]))).toEqual({
      s: [1],
      f: [2],
      t: [3, 4],
    });
    expect(rounds.filter(({ path }) => path.startsWith('s/')).length).toBeGreaterThanOrEqual(4);
  });
});

describe('the site index over the seed', () => {
  const seed = parseFile(SEED);
  const index = memoryIndex([searchRecordOf(SEED_SLUG, seed)]);
  const texts = seed.turns.map((turn) => turn.zh.text);
  // Phrases of two to six Han characters starting at every seventh character, found in one turn only.
  const phrases = seed.turns.flatMap((turn) =>
    [...turn.zh.text].flatMap((_, start, characters) =>
      start % 7 !== 0
        ? []
        : [2, 3, 4, 6]
            .map((length) => characters.slice(start, start + length).join(''))
            .filter((phrase) => /^\p{Script=Han}{2,}$/u.test(phrase))
            .filter((phrase) => texts.filter((text) => text.includes(phrase)).length === 1)
            .map((phrase) => ({ turn: turn.number, phrase })),
    ),
  );

  it('has a few hundred phrases to try', () => {
    expect(phrases.length).toBeGreaterThan(300);
  });

  it('ranks first the one turn that holds a phrase copied from it', async () => {
    const reader = index.freshReader();
    const misses: string[] = [];
    for (const { turn, phrase } of phrases) {
      const { hits } = await search(reader, phrase);
      if (hits[0]?.turn !== turn || hits[0].language !== 'zh') misses.push(`${phrase} (${turn})`);
    }
    expect(misses).toEqual([]);
  });
});
