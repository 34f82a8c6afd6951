import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { clip, QUOTE_LENGTH, quoteTurn, sharePage } from '../../src/lib/share.ts';

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
      { title: 'A <panel>', turn: 12, speaker: 'Jo "J"', zh: '你好 <b>', en: 'Hello & bye' },
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
});
