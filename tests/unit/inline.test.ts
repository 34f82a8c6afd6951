import { describe, expect, it } from 'vitest';
import { renderParagraphs } from '../../src/lib/transcript/inline.ts';

const render = (text: string) => renderParagraphs([text]);

describe('renderParagraphs', () => {
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
});
