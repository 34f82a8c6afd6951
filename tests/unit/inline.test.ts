import { describe, expect, it } from 'vitest';
import { readInline, SYNTAX_LIMIT, type InlineParagraph } from '../../src/lib/transcript/inline.ts';

function read(markdown: string): InlineParagraph {
  const result = readInline(markdown);
  if (!result.ok) throw new Error(result.message);
  return result.paragraph;
}

const render = (text: string) => read(text).html;
const renderParagraphs = (paragraphs: string[]) => paragraphs.map(render).join('\n');

/** `levels` emphases, `*` and `_` by turns, each inside the one before. */
function nested(levels: number): string {
  let open = '';
  let close = '';
  for (let level = 0; level < levels; level++) {
    const mark = level % 2 ? '_' : '*';
    open += `${mark}x `;
    close = `x${mark}${level ? ' ' : ''}${close}`;
  }
  return `${open}y ${close}`;
}

describe('the HTML of a paragraph', () => {
  it('renders emphasis, links and inline code', () => {
    expect(render('*a* **b** [c](https://example.com/) `d`')).toBe(
      '<p><em>a</em> <strong>b</strong> <a href="https://example.com/">c</a> <code>d</code></p>',
    );
  });

  it('shows raw HTML as its literal characters', () => {
    expect(render('<b>bold</b> <script>alert(1)</script>')).toBe(
      '<p>&#x3C;b>bold&#x3C;/b> &#x3C;script>alert(1)&#x3C;/script></p>',
    );
  });

  it('marks up stage directions, brackets kept', () => {
    expect(render('Yes. [laughter] 对。[笑声]')).toBe(
      '<p>Yes. <span class="stage-direction">[laughter]</span> 对。<span class="stage-direction">[笑声]</span></p>',
    );
  });

  it('leaves links alone when their text is in brackets', () => {
    expect(render('[the paper](https://example.com/)')).toBe(
      '<p><a href="https://example.com/">the paper</a></p>',
    );
  });

  it('substitutes no typography and decodes no entities', () => {
    expect(render('"quotes" \'single\' -- --- ... &amp; &copy;')).toBe(
      '<p>"quotes" \'single\' -- --- ... &#x26;amp; &#x26;copy;</p>',
    );
  });

  it('reads block syntax at the start of a line as text', () => {
    expect(renderParagraphs(['# one', '- two', '> three', '1. four', '    five', '---'])).toBe(
      [
        '<p># one</p>',
        '<p>- two</p>',
        '<p>> three</p>',
        '<p>1. four</p>',
        '<p>five</p>',
        '<p>---</p>',
      ].join('\n'),
    );
  });

  it('renders no images, so no page loads anything from elsewhere', () => {
    expect(render('![chart](https://example.com/chart.png)')).toBe(
      '<p>!<a href="https://example.com/chart.png">chart</a></p>',
    );
  });

  it('keeps the angle brackets of a bare address', () => {
    expect(render('<https://example.com/> <me@example.com>')).toBe(
      '<p>&#x3C;https://example.com/> &#x3C;me@example.com></p>',
    );
  });

  it('keeps a character after a backslash literal, dropping the backslash', () => {
    expect(read('5\\*3\\*2 and \\_not emphasis\\_')).toMatchObject({
      html: '<p>5*3*2 and _not emphasis_</p>',
      text: '5*3*2 and _not emphasis_',
    });
  });

  it('keeps white space other than spaces and tabs at the edges, a U+FEFF first among it', () => {
    expect(read('\uFEFF\u3000\u3000缩进\u00A0')).toEqual({
      html: '<p>\uFEFF\u3000\u3000缩进\u00A0</p>',
      text: '\uFEFF\u3000\u3000缩进\u00A0',
      links: [],
    });
  });

  it('renders emphasis nested as deep as the limit allows', () => {
    const html = render(nested(SYNTAX_LIMIT / 2));
    expect(html.match(/<em>/g)).toHaveLength(SYNTAX_LIMIT / 2);
  });
});

describe('the text and links of a paragraph', () => {
  it('is what a reader sees: syntax and link targets left out, code kept', () => {
    expect(read('This is *emphasis*, a [link](https://example.com/paper) and `a <b>`.').text).toBe(
      'This is emphasis, a link and a <b>.',
    );
  });

  it('lists every link with the index of its `[` in the paragraph as written', () => {
    expect(read('\uFEFF对 [a](https://a.example/) *and [b](javascript:b)*').links).toEqual([
      { url: 'https://a.example/', offset: 3 },
      { url: 'javascript:b', offset: 32 },
    ]);
  });
});

describe('the limits of a paragraph', () => {
  const syntaxMessage = (count: string) =>
    `this paragraph has ${count} of the characters \`*\`, \`_\`, \`\` \` \`\`, \`[\`, \`]\` and \`\\\`, which Markdown reads as syntax, and a paragraph may have at most 1,000 (the first one over is at this column): split it into shorter paragraphs, each on a line of its own`;

  it.each(['*a', '_a', '`a', '[a]('])(
    'refuses 100 000 characters of %s at once, at the first mark over the limit',
    (unit) => {
      const line = unit.repeat(100_000 / unit.length);
      const marks = line.match(/[*_`[\]\\]/g)!.length;
      // One mark in every two characters: the one over the limit is at 2 000.
      expect(readInline(line)).toEqual({
        ok: false,
        offset: 2 * SYNTAX_LIMIT,
        message: syntaxMessage(marks.toLocaleString('en-US')),
      });
    },
  );

  it('refuses 2 000 levels of nested emphasis instead of overflowing the stack', () => {
    expect(readInline(nested(2000))).toMatchObject({ ok: false, message: syntaxMessage('4,000') });
  });

  it('refuses 20 000 links on one line', () => {
    expect(readInline('[a](javascript:a)'.repeat(20_000))).toMatchObject({
      ok: false,
      offset: 8500,
      message: syntaxMessage('40,000'),
    });
  });

  it('allows exactly the limit, escaped characters counted', () => {
    expect(readInline('\\*'.repeat(SYNTAX_LIMIT / 2)).ok).toBe(true);
    expect(readInline(`${'\\*'.repeat(SYNTAX_LIMIT / 2)}_`)).toMatchObject({
      ok: false,
      offset: SYNTAX_LIMIT,
      message: syntaxMessage('1,001'),
    });
  });
});
