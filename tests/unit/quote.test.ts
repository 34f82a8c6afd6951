/**
 * Source text in messages reaches a terminal: whatever a terminal would act
 * on (colours, cursor moves, a CR writing over the line, reordering by
 * bidirectional controls) is shown as `\u{…}` instead, and nothing else
 * changes.
 */
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import { formatProblem } from '../../src/lib/transcript/problem.ts';
import { escapeForTerminal, quote } from '../../src/lib/transcript/quote.ts';

// What the escaping promises to catch, written out rather than taken from the code under test.
const ACTED_ON =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

describe('escapeForTerminal', () => {
  it('writes out C0 and C1 controls, DEL, ESC, CR and the bidirectional controls', () => {
    expect(escapeForTerminal('a\u0000b\tc\nd\re\u001b[31mf\u007fg\u0085h\u009bi')).toBe(
      'a\\u{0}b\\u{9}c\\u{A}d\\u{D}e\\u{1B}[31mf\\u{7F}g\\u{85}h\\u{9B}i',
    );
    expect(escapeForTerminal('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe(
      '\\u{202A}\\u{202B}\\u{202C}\\u{202D}\\u{202E}\\u{2066}\\u{2067}\\u{2068}\\u{2069}',
    );
    expect(escapeForTerminal('\u200e\u200f\u061c\u2028\u2029')).toBe(
      '\\u{200E}\\u{200F}\\u{61C}\\u{2028}\\u{2029}',
    );
  });

  it('leaves every other character as it is', () => {
    const text = 'Ada 你好，世界 «é» \u00a0\u3000 👩‍💻 ⌘K \\u{1B} `code`';
    expect(escapeForTerminal(text)).toBe(text);
  });

  it('leaves no character a terminal acts on, in any text', () => {
    const everything = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code));
    expect(escapeForTerminal(everything.join(''))).not.toMatch(ACTED_ON);
  });
});

describe('quote', () => {
  it('cuts long text short, then escapes it', () => {
    expect(quote('Ada\u001b')).toBe('Ada\\u{1B}');
    expect(quote(`${'x'.repeat(58)}\u001b${'y'.repeat(10)}`)).toBe(`${'x'.repeat(58)}\\u{1B}…`);
  });
});

describe('messages printed from source text', () => {
  it('escape the file name and whatever the message holds', () => {
    expect(
      formatProblem({ file: 'a\u001b]0;owned\u0007.md', line: 3, message: 'label `x\ry`' }),
    ).toBe('a\\u{1B}]0;owned\\u{7}.md:3: label `x\\u{D}y`');
  });

  it('escape labels, stage directions and links quoted from a transcript', () => {
    const source = [
      '**Ada\u001b[2J:** 你好。',
      '**A\rda:** Hello.',
      '**Bo:** [x](javascript:\u202eevil) and Chinese? no.',
      '**Cy\u2067:** [\u2066]',
    ].join('\n');
    const result = parseTranscript(source, { file: 'escapes.md', slug: 'escapes' });
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line).not.toMatch(ACTED_ON);
    const printed = lines.join('\n');
    for (const shown of ['Ada\\u{1B}[2J', 'A\\u{D}da', 'javascript:\\u{202E}evil', 'Cy\\u{2067}']) {
      expect(printed).toContain(shown);
    }
  });
});
