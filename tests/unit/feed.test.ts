import { describe, expect, it } from 'vitest';
import { atomFeed, type FeedTranscript } from '../../src/lib/feed.ts';

const both = (text: string) => ({ en: text, zh: text });
const entry = (id: string, title: string, date?: string): FeedTranscript => ({
  id,
  data: {
    title: both(title),
    date,
    speakerKeys: ['Ann', 'Bo'],
    speakers: { Ann: { name: both('Ann') }, Bo: { name: both('Bo') } },
    turnCount: 3,
  },
});
const options = {
  title: 'Duet',
  description: 'Transcripts',
  url: (path: string) => `https://example.org/duet/${path}`,
};
const entries = (xml: string) =>
  [
    ...xml.matchAll(
      /<entry>[\s\S]*?<title[^>]*><!\[CDATA\[(.*?)\]\]><\/title>[\s\S]*?<updated>(.*?)<\/updated>/g,
    ),
  ].map(([, title, updated]) => ({ title, updated }));

describe('the Atom feed', () => {
  const list = [
    entry('new', 'New', '2024-05-31'),
    entry('old', 'Old', '2023-01-05'),
    entry('undated', 'Undated'),
  ];

  it('has an entry per transcript in the order given, its time from the content, never the clock', () => {
    const xml = atomFeed(list, options);
    expect(entries(xml)).toEqual([
      { title: 'New', updated: '2024-05-31T00:00:00.000Z' },
      { title: 'Old', updated: '2023-01-05T00:00:00.000Z' },
      { title: 'Undated', updated: '1970-01-01T00:00:00.000Z' },
    ]);
    // The feed's own time is its newest entry's.
    expect(xml).toContain('<updated>2024-05-31T00:00:00.000Z</updated>\n    <author>');
    expect(xml).toContain('<link href="https://example.org/duet/old/"/>');
    expect(xml).toContain('<link rel="self" href="https://example.org/duet/feed.xml"/>');
    expect(xml).toContain('Ann, Bo · 3 turns 3 段');
    expect(atomFeed(list, options)).toBe(xml);
  });

  it('shows a title as written, markup and all', () => {
    const xml = atomFeed([entry('tags', 'Why <b> & ]]> matter')], options);
    expect(entries(xml)[0]?.title).toBe('Why &lt;b&gt; &amp; ]]&gt; matter');
  });

  it('writes a field given in both languages in both, English first, and one given once once', () => {
    const xml = atomFeed(
      [
        {
          id: 'press',
          data: {
            title: { en: 'Regular press conference', zh: '例行记者会' },
            description: { en: 'Questions.', zh: '提问。' },
            speakerKeys: ['Mao Ning', 'Ann'],
            speakers: {
              'Mao Ning': { name: { en: 'Mao Ning', zh: '毛宁' } },
              Ann: { name: both('Ann') },
            },
            turnCount: 2,
          },
        },
      ],
      options,
    );
    expect(entries(xml)[0]?.title).toBe('Regular press conference 例行记者会');
    expect(xml).toContain('Questions. 提问。 (Mao Ning 毛宁, Ann · 2 turns 2 段)');
  });
});
