/**
 * The rendered HTML of accepted files (CONTRACT.md: raw HTML is shown as
 * the literal characters; a link goes to http, https or mailto, or to a page
 * of this site), read as a browser reads it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hazards, paragraphTexts } from './html.ts';
import { editedMarkup } from './mutations.ts';
import { blocksOf, mostlyValid, onAccepted } from './parsing.ts';
import { timeout } from './settings.ts';
import { show } from './show.ts';

describe('the HTML of accepted files', () => {
  it('tells script apart: the check finds each way in', () => {
    // Without this, a check that never finds anything would pass every property below.
    const hostile = [
      '<p><script>alert(1)</script></p>',
      '<p><img src=x onerror=alert(1)></p>',
      '<p onclick="alert(1)">x</p>',
      '<p><a href="javascript:alert(1)">x</a></p>',
      '<p><a href="JaVaScRiPt:alert(1)">x</a></p>',
      '<p><a href="java&#x09;script:alert(1)">x</a></p>',
      '<p><a href="&#106;avascript:alert(1)">x</a></p>',
      '<p><a href=" \u0001javascript:alert(1)">x</a></p>',
      '<p><a href="data:text/html,x">x</a></p>',
      '<p><a href="vbscript:x">x</a></p>',
      '<p style="color:red">x</p>',
      '<p><iframe srcdoc="x"></iframe></p>',
      '<p><button formaction="javascript:alert(1)">x</button></p>',
      '<p><span class="x">x</span></p>',
      '<p><br></p>',
      '<p><!-- x --></p>',
    ];
    for (const html of hostile) expect(hazards(html), html).not.toEqual([]);
    const safe =
      '<p><em>a</em> <strong>b</strong> <code>&#x3C;b></code> <a href="https://example.com" title="t">c</a> ' +
      '<a href="mailto:a@example.com">d</a> <a href="/x">e</a> <a href="java%09script:x">f</a> ' +
      '<span class="stage-direction">[笑声]</span> &#x3C;script></p>';
    expect(hazards(safe)).toEqual([]);
  });

  it(
    'holds no element or attribute that can run script, and links only to http, https, mailto or this site',
    () => {
      onAccepted(fc.oneof(editedMarkup, mostlyValid), (transcript) => {
        for (const block of blocksOf(transcript)) {
          expect(hazards(block.html), `line ${block.line}: ${show(block.html)}`).toEqual([]);
        }
      });
    },
    timeout(),
  );

  it(
    'renders each paragraph as one <p> that shows its visible text',
    () => {
      onAccepted(fc.oneof(editedMarkup, mostlyValid), (transcript) => {
        for (const block of blocksOf(transcript)) {
          // The HTML parser reads CR and CRLF as LF, as every browser does.
          const expected = block.text.split('\n').map((text) => ({
            tagName: 'p',
            text: show(text.replace(/\r\n?/g, '\n')),
          }));
          const shown = paragraphTexts(block.html).map(({ tagName, text }) => ({
            tagName,
            text: show(text),
          }));
          expect(shown, `line ${block.line}: ${show(block.html)}`).toEqual(expected);
        }
      });
    },
    timeout(),
  );
});
