import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { same } from '../../src/lib/localized.ts';
import { QUOTE_LENGTH, quoteTurn, sharePage } from '../../src/lib/share.ts';
import { clip, TITLE_LENGTH } from '../../src/lib/titles.ts';

describe('a turn’s share page', () => {
  it('quotes a short turn whole, in both languages', () => {
    expect(quoteTurn({ zh: '我们开始吧。', en: 'Let’s begin.' })).toBe(
      '我们开始吧。 / Let’s begin.',
    );
  });

  it('cuts a long turn to fit a preview, keeping some of each language', () => {
    const zh = '稀疏自编码器'.repeat(40);
    const en = 'So I feel like everything in AI is like that meme. '.repeat(10);
    const quote = quoteTurn({ zh, en });
    expect([...quote].length).toBeLessThanOrEqual(QUOTE_LENGTH);
    const [chinese, english] = quote.split(' / ');
    expect(chinese).toMatch(/^稀疏自编码器.+…$/);
    expect(english).toMatch(/^So I feel like .+…$/);
    // An English cut falls between words.
    expect(english).toMatch(/ \w+…$/);
    expect(clip('one two three', 9)).toBe('one two…');
  });

  it('escapes what it quotes, refreshes to the turn and links there', () => {
    const html = sharePage(
      {
        title: same('A <panel>'),
        turn: 12,
        speaker: same('Jo "J"'),
        zh: '你好 <b>',
        en: 'Hello & bye',
      },
      {
        siteName: 'Duet',
        reader: '/duet/ai-panel/#turn-12',
        canonical: 'https://example.org/duet/ai-panel/turn-12/',
        icon: '/duet/favicon.svg',
      },
    );
    const tree = fromHtml(html);
    const text = JSON.stringify(tree);
    expect(text).not.toContain('"tagName":"panel"');
    expect(text).not.toContain('"tagName":"b"');
    expect(html).toContain(
      '<meta property="og:title" content="Jo &quot;J&quot; in “A &lt;panel&gt;”">',
    );
    expect(html).toContain(
      '<meta property="og:description" content="你好 &lt;b&gt; / Hello &amp; bye">',
    );
    // The quote once: there is a page like it for every turn of the site.
    expect(html.split('Hello &amp; bye')).toHaveLength(2);
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/duet/ai-panel/#turn-12">');
    expect(html).toContain(
      '<link rel="canonical" href="https://example.org/duet/ai-panel/turn-12/">',
    );
    // No script, so no language mode: what it shows is in both languages, the Chinese marked.
    expect(html).toContain(
      '<h1>Jo &quot;J&quot; in “A &lt;panel&gt;” <span lang="zh-Hans">Jo &quot;J&quot;在《A &lt;panel&gt;》中的发言</span></h1>',
    );
    expect(html).toContain(
      '<a href="/duet/ai-panel/#turn-12">Read turn 12 <span lang="zh-Hans">阅读第 12 段</span></a>',
    );
    expect(html).not.toContain('<script');
  });

  it('names the speaker and the transcript in both languages, within 70 characters in <title>', () => {
    const turn = {
      title: {
        en: "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on December 1, 2026",
        zh: '2026年12月1日外交部发言人毛宁主持例行记者会',
      },
      turn: 3,
      speaker: { en: 'Mao Ning', zh: '毛宁' },
      zh: '谢谢。',
      en: 'Thank you.',
    };
    const addresses = { siteName: 'Duet', reader: '/press/#turn-3', icon: '/favicon.svg' };
    const html = sharePage(turn, addresses);
    const element = (tag: string) => new RegExp(`<${tag}>(.*?)</${tag}>`).exec(html)?.[1];
    const full = `Mao Ning 毛宁 in “${turn.title.en} ${turn.title.zh}”`;
    const title = element('title')!;
    expect(title.length).toBeLessThanOrEqual(TITLE_LENGTH);
    expect(title).toMatch(/^Mao Ning 毛宁 in “Foreign Ministry .+… · Duet$/);
    // The page's own heading reads as the reader without script does: each language whole.
    expect(element('h1')).toBe(
      `Mao Ning in “${turn.title.en}” <span lang="zh-Hans">毛宁在《${turn.title.zh}》中的发言</span>`,
    );
    expect(html).toContain(`<meta property="og:title" content="${full}">`);
    // A short title is whole.
    const short = sharePage({ ...turn, title: same('Panel') }, addresses);
    expect(short).toContain('<title>Mao Ning 毛宁 in “Panel” · Duet</title>');
  });
});
