/**
 * A timed turn's start, where a reader finds the turn away from the reader
 * page: its search record, the site index's hits and its share page; a
 * transcript without times gives an index file for file as before.
 */
import { describe, expect, it } from 'vitest';
import { searchRecordOf } from '../../src/lib/search/records.ts';
import { readPack } from '../../src/lib/search/site-index/reader.ts';
import { searchIndex } from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { QUOTE_LENGTH, quoteTurn, sharePage } from '../../src/lib/share.ts';
import { formatTime } from '../../src/lib/transcript/times.ts';
import { transcript } from '../support/corpus.ts';
import { memoryIndex, record, writeIndex } from '../support/memory-index.ts';

const timed = transcript('timed-talk');
const timedRecord = searchRecordOf(timed.slug, timed.transcript);
const untimed = record('panel', [['Ada', '我们谈谈字幕。', 'We talk about captions.']]);

describe('a timed turn in search', () => {
  it('keeps its start in its record, and an untimed turn none', () => {
    expect(timedRecord.turns.map((turn) => turn.start)).toEqual(
      timed.transcript.turns.map((turn) => turn.start),
    );
    expect(timedRecord.turns[2]!.start).toBe(15.5);
    expect(untimed.turns[0]).not.toHaveProperty('start');
  });

  it('shows its start with its hit from the site index, in Chinese and in English', async () => {
    const index = memoryIndex([untimed, timedRecord]);
    for (const query of ['captions', '字幕']) {
      const { hits } = await searchIndex(index.freshReader(), parseQuery(query)!, {});
      expect(hits.map((hit) => [hit.slug, hit.turn, hit.start])).toEqual(
        expect.arrayContaining([
          ['panel', 1, undefined],
          [timed.slug, 1, 0],
        ]),
      );
      expect(hits.find((hit) => hit.slug === 'panel')).not.toHaveProperty('start');
    }
    const { hits } = await searchIndex(index.freshReader(), parseQuery('arrow')!, {});
    expect(hits.map((hit) => [hit.turn, hit.start])).toEqual([[4, 31]]);
  });

  it('leaves an index without times as it was: five numbers a turn', () => {
    const files = writeIndex([untimed]);
    const header = JSON.parse(files.get('f/0.json') as string) as { turns: number[][] };
    expect(header.turns.map((turn) => turn.length)).toEqual([5]);
    const withTimes = JSON.parse(writeIndex([timedRecord]).get('f/0.json') as string) as {
      turns: number[][];
    };
    expect(withTimes.turns.map((turn) => turn[5])).toEqual(
      timed.transcript.turns.map((turn) => turn.start),
    );
  });

  it('refuses a pack whose start is not a time', () => {
    const manifest = JSON.parse(writeIndex([timedRecord]).get('index.json') as string);
    const pack = (start: unknown) => ({
      start: 0,
      transcripts: [['x', { en: 'X', zh: 'X' }, [['A', { en: 'A', zh: 'A' }]]]],
      turns: [[0, 1, 0, 3, 3, start]],
    });
    expect(() => readPack(pack(12.5), manifest)).not.toThrow();
    for (const start of [-1, '12:34', null, Infinity]) {
      expect(() => readPack(pack(start), manifest), String(start)).toThrow(/start in seconds/);
    }
  });
});

describe('a timed turn’s share page', () => {
  const turn = timed.transcript.turns[3]!;
  const shared = {
    title: timed.transcript.title,
    turn: turn.number,
    speaker: timed.transcript.speakers[turn.speaker]!.name,
    zh: turn.zh.text,
    en: turn.en.text,
    start: turn.start,
  };
  const addresses = { siteName: 'Duet', reader: '/timed-talk/#turn-4', icon: '/favicon.svg' };

  it('starts its quote with the time, within the length a preview shows', () => {
    expect(quoteTurn(shared)).toMatch(/^0:31 · 符号。/);
    const long = quoteTurn({ ...shared, zh: '字幕'.repeat(200), en: 'Captions. '.repeat(40) });
    expect(long).toMatch(/^0:31 · 字幕/);
    expect([...long].length).toBeLessThanOrEqual(QUOTE_LENGTH);
    expect(quoteTurn({ ...shared, start: undefined })).toMatch(/^符号。/);
  });

  it('says the time in its link to the turn, in both languages', () => {
    const html = sharePage(shared, addresses);
    expect(html).toContain(`<meta property="og:description" content="${formatTime(31)} · `);
    expect(html).toContain(
      '<a href="/timed-talk/#turn-4">Read turn 4, at 0:31 <span lang="zh-Hans">阅读第 4 段，始于 0:31</span></a>',
    );
  });
});
