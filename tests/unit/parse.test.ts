import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscripts } from '../../src/lib/transcript/files.ts';
import { paragraphsPair } from '../../src/lib/transcript/pair.ts';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import { formatProblem } from '../../src/lib/transcript/problem.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';
import { splitSource } from '../../src/lib/transcript/source.ts';
import { BAD, GOOD, parseFile, SEED } from './helpers.ts';

const parse = (source: string, slug = 'sample') =>
  parseTranscript(source, { file: `content/transcripts/${slug}.md`, slug });

/**
 * The source text without front matter, speaker labels, blank lines and
 * the spaces and tabs at the ends of lines: what the turns must hold, all
 * of it, down to an ideographic or no-break space at a line's edge.
 */
function sourceText(source: string): string[] {
  return splitSource(source)
    .body.map(({ text }) =>
      text.replace(/^\s*\*\*[^*]+?\s*[:：]\*\*/, '').replace(/^[ \t]+|[ \t]+$/g, ''),
    )
    .filter((text) => /\S/.test(text));
}

/** The turns' text put back together, block by block in source order. */
function turnsText(transcript: Transcript): string[] {
  return transcript.turns
    .flatMap((turn) => [turn.zh, turn.en])
    .sort((a, b) => a.line - b.line)
    .flatMap((block) => block.paragraphs);
}

describe('the seed transcript', () => {
  const transcript = parseFile(SEED);

  it('has 46 turns, numbered from 1 in source order', () => {
    expect(transcript.turns).toHaveLength(46);
    expect(transcript.turns.map((turn) => turn.number)).toEqual(
      Array.from({ length: 46 }, (_, index) => index + 1),
    );
  });

  it('gives each turn its speaker and its paragraphs in both languages', () => {
    const summary = transcript.turns.map(
      (turn) => `${turn.speaker} ${turn.zh.paragraphs.length}/${turn.en.paragraphs.length}`,
    );
    expect(summary).toEqual([
      'Moderator 1/1',
      'Amanda Askell 4/4',
      'Moderator 1/1',
      'Yan 1/1',
      'Moderator 1/1',
      'Yan 1/1',
      'Amanda Askell 1/1',
      'Yan 1/1',
      'Amanda Askell 1/1',
      'Yan 1/1',
      'Amanda Askell 1/1',
      'Moderator 1/1',
      'Josh 3/3',
      'Amanda Askell 1/1',
      'Josh 2/2',
      'Moderator 1/1',
      'Yan 2/2',
      'Josh 2/2',
      'Moderator 1/1',
      'Yan 1/1',
      'Josh 1/1',
      'Yan 1/1',
      'Josh 2/2',
      'Amanda Askell 1/1',
      'Moderator 1/1',
      'Amanda Askell 1/1',
      'Yan 1/1',
      'Amanda Askell 1/1',
      'Moderator 1/1',
      'Audience 1/1',
      'Amanda Askell 1/1',
      'Moderator 1/1',
      'Audience 1/1',
      'Moderator 1/1',
      'Amanda Askell 2/2',
      'Audience 1/1',
      'Moderator 1/1',
      'Yan 1/1',
      'Amanda Askell 1/1',
      'Yan 1/1',
      'Audience 1/1',
      'Yan 1/1',
      'Audience 1/1',
      'Yan 1/1',
      'Josh 2/2',
      'Moderator 1/1',
    ]);
  });

  it('records the line of each block’s speaker label, front matter included', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    for (const turn of transcript.turns) {
      for (const block of [turn.zh, turn.en]) {
        expect(lines[block.line - 1]).toMatch(new RegExp(`^\\*\\*${turn.speaker}:\\*\\*`));
      }
    }
    expect(transcript.turns[1]!.zh.line).toBe(22);
    expect(transcript.turns[1]!.en.line).toBe(26);
  });

  it('takes its title and speakers from the front matter', () => {
    const both = (text: string) => ({ en: text, zh: text });
    expect(transcript.title).toEqual(both('What is alignment? A research panel'));
    expect(transcript.speakers['Josh']).toEqual({
      name: both('Josh'),
      role: both('Panelist'),
      team: both('Interpretability'),
    });
  });

  it('loses no text: the turns put back together are the source without its labels', () => {
    expect(turnsText(transcript)).toEqual(sourceText(readFileSync(SEED, 'utf8')));
  });
});

describe('the source format', () => {
  it('pairs blocks in either order', () => {
    const { turns } = parseFile(`${GOOD}/either-order.md`);
    expect(
      turns.map((turn) => [turn.speaker, turn.zh.paragraphs[0], turn.en.paragraphs[0]]),
    ).toEqual([
      ['Li Wei', '大家早上好。', 'Good morning, everyone.'],
      ['Sam', '我们开始吧。', "Let's begin."],
    ]);
  });

  it('accepts a full-width colon in the label', () => {
    const { turns } = parseFile(`${GOOD}/fullwidth-colon.md`);
    expect(turns.map((turn) => turn.speaker)).toEqual(['主持人', 'Guest']);
  });

  it('makes every further non-empty line a paragraph of the block, ignoring blank lines', () => {
    const { turns } = parseFile(`${GOOD}/continuation-lines.md`);
    expect(turns[0]!.zh.paragraphs).toEqual([
      '第一段。',
      '第二段,前面有一个空行。',
      '第三段,行首有空格。',
    ]);
    expect(turns[0]!.en.paragraphs).toEqual([
      'First paragraph.',
      'Second paragraph, right below.',
      'Third paragraph, after a blank line.',
    ]);
    expect(turns[1]!.zh.paragraphs).toEqual(['标签后面没有文字,文字从下一行开始。']);
  });

  it('pairs a turn’s paragraphs one to one where its blocks have as many, and only there', () => {
    const { turns } = parseFile(`${GOOD}/continuation-lines.md`);
    expect(turns.map(paragraphsPair)).toEqual([true, true]);
    const uneven = parse(
      '**Ada:** 第一段。\n第二段。\n**Ada:** The first and the second, as one.\n',
    );
    expect(uneven.ok && uneven.transcript.turns.map(paragraphsPair)).toEqual([false]);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const transcript = parseFile(`${GOOD}/crlf-with-bom.md`);
    expect(transcript.title).toEqual({ en: 'Windows file', zh: 'Windows file' });
    expect(transcript.turns[0]!.zh).toEqual({
      line: 4,
      paragraphs: ['你好。', '第二段。'],
      text: '你好。\n第二段。',
      html: '<p>你好。</p>\n<p>第二段。</p>',
    });
    expect(transcript.turns[0]!.en).toEqual({
      line: 6,
      paragraphs: ['Hello.', 'Second paragraph.'],
      text: 'Hello.\nSecond paragraph.',
      html: '<p>Hello.</p>\n<p>Second paragraph.</p>',
    });
  });

  it('decides the language by script, letting each language quote the other', () => {
    const { turns } = parseFile(`${GOOD}/mixed-scripts.md`);
    expect(turns[0]!.zh.paragraphs[0]).toContain('influence functions');
    expect(turns[0]!.en.paragraphs[0]).toContain('可解释性');
    expect(turns[1]!.zh.paragraphs[0]).toBe('GPT-4 能非常可靠地读写 Base64 编码。');
  });

  it('keeps inline Markdown, raw HTML and stage directions exactly as written', () => {
    const { turns } = parseFile(`${GOOD}/inline-markdown.md`);
    expect(turns[0]!.en.paragraphs[0]).toBe(
      'This is *emphasis* and **strong**, a [link](https://example.com/paper), and `inline <b>code</b>`. [laughter] Raw <b>HTML</b>, <script>alert(1)</script> and &amp; show as written. "Straight quotes" -- dashes... stay.',
    );
    expect(turns[1]!.zh.paragraphs).toEqual(['# 不是标题', '- 不是列表', '> 不是引用']);
  });

  it('reads every front matter field', () => {
    const transcript = parseFile(`${GOOD}/front-matter.md`);
    const both = (text: string) => ({ en: text, zh: text });
    expect(transcript).toMatchObject({
      title: both('A panel: on things'),
      description: both('Two people talk.'),
      date: '2024-05-31',
      event: both('Example Summit'),
      source: 'https://example.com/talk',
    });
    expect(transcript.speakers).toEqual({
      Ada: { name: both('Ada'), role: both('Moderator'), team: both('Research') },
      Bo: { name: both('Bo') },
      Adah: { name: both('Adah'), role: both("Typo of Ada's name") },
    });
  });

  it('reads a field in both languages: one text for both, or a map that fills a missing language with the other', () => {
    const transcript = parseFile(`${GOOD}/bilingual-names.md`);
    expect(transcript.title).toEqual({
      zh: '外交部发言人毛宁主持例行记者会',
      en: "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference",
    });
    expect(transcript.description).toEqual({
      en: 'The spokesperson answers questions.',
      zh: 'The spokesperson answers questions.',
    });
    expect(transcript.event).toEqual({ en: '例行记者会', zh: '例行记者会' });
    expect(transcript.speakers['Mao Ning']).toEqual({
      name: { en: 'Mao Ning', zh: '毛宁' },
      role: { en: 'Spokesperson', zh: '发言人' },
      team: { en: '外交部', zh: '外交部' },
    });
  });

  it('names each speaker in both languages, by the key where the front matter gives no name', () => {
    expect(parseFile(`${GOOD}/bilingual-names.md`).speakers).toMatchObject({
      'Mao Ning': { name: { en: 'Mao Ning', zh: '毛宁' } },
      CCTV: { name: { en: 'CCTV', zh: '总台央视记者' } },
      主持人: { name: { en: 'Moderator', zh: '主持人' } },
    });
    // A speaker the front matter does not describe is named by their label.
    expect(parseFile(`${GOOD}/either-order.md`).speakers).toEqual({
      'Li Wei': { name: { en: 'Li Wei', zh: 'Li Wei' } },
      Sam: { name: { en: 'Sam', zh: 'Sam' } },
    });
  });

  it('pairs blocks labelled with the key or the speaker’s name in each block’s language, the turn keeping the key', () => {
    const { turns } = parseFile(`${GOOD}/bilingual-names.md`);
    expect(turns.map((turn) => [turn.speaker, turn.zh.text, turn.en.text])).toEqual([
      ['主持人', '下午好。', 'Good afternoon.'],
      ['CCTV', '请问发言人有何评论？', 'Does the spokesperson have any comment?'],
      ['Mao Ning', '我们注意到有关报道。', 'We have noted the reports.'],
      ['Mao Ning', '谢谢。', 'Thank you.'],
    ]);
  });

  it('warns, without failing, of a described speaker who never speaks', () => {
    const file = `${GOOD}/front-matter.md`;
    const result = parseTranscript(readFileSync(file, 'utf8'), { file, slug: 'front-matter' });
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      `${file}:12: the front matter describes the speaker \`Adah\`, but no block has that label (did you mean \`Ada\`?): use the label exactly as the text writes it`,
    ]);
  });

  it('warns, without failing, of a turn whose English block is mostly Chinese too', () => {
    // By the contract the block with more Han characters is the Chinese one, so these two are
    // a turn; most likely the English translation of the first is missing.
    const result = parse(
      '**Ada:** 我们先谈对齐。\n**Ada:** 然后谈 AI 的问题。\n**Bo:** 好。\n**Bo:** OK.\n',
    );
    expect(result.ok && result.transcript.turns).toHaveLength(2);
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      'content/transcripts/sample.md:2: turn 1 by Ada pairs the block on line 1 with this one as its English, but this block is mostly Chinese characters too: if its English translation is missing, add it as a block labelled **Ada:** next to the Chinese one',
    ]);
    // A Chinese block full of English terms beside its English partner is no such case.
    const mixed = parse(
      '**Ada:** 我们用 SAE 看 features。\n**Ada:** We use SAEs to look at features.\n',
    );
    expect(mixed.ok && mixed.warnings).toEqual([]);
  });

  it('gives a turn the start time either of its labels ends with, in seconds, the name without it', () => {
    const { turns, speakers } = parseFile(`${GOOD}/timed.md`);
    expect(turns.map(({ speaker, start }) => [speaker, start])).toEqual([
      ['Mao Ning', 5],
      // Brackets without a digit are part of a name, not a time.
      ['Audience [off mic]', undefined],
      ['Mao Ning', 754],
      ['Mao Ning', 3723.5],
    ]);
    expect(Object.keys(speakers)).toEqual(['Mao Ning', 'Audience [off mic]']);
  });

  it('makes a title from the slug when the front matter has none', () => {
    expect(parseFile(`${GOOD}/untitled-panel.md`).title).toEqual({
      en: 'Untitled panel',
      zh: 'Untitled panel',
    });
  });

  it('loses no text in any fixture', () => {
    for (const name of readdirSync(GOOD)) {
      const file = `${GOOD}/${name}`;
      expect(turnsText(parseFile(file)), name).toEqual(sourceText(readFileSync(file, 'utf8')));
    }
  });

  it('finds labels on lines holding a line separator or a leading no-break space', () => {
    const { turns } = parseFile(`${GOOD}/unusual-whitespace.md`);
    expect(turns.map((turn) => turn.speaker)).toEqual(['A', 'B', 'C']);
    expect(turns[1]!.zh.paragraphs).toEqual(['好\u2028吧。']);
  });

  it('pairs a Chinese block full of English terms with its English block, in either order', () => {
    const { turns } = parseFile(`${GOOD}/english-terms-in-chinese.md`);
    expect(turns.map((turn) => [turn.zh.line, turn.en.line])).toEqual([
      [1, 2],
      [4, 3],
    ]);
  });

  it('keeps every character at a line’s edges but spaces and tabs', () => {
    const result = parse(
      '**A:**\u3000\u3000大家好。\u3000\n\u00A0第二段\uFEFF\n\u3000\n**A:** \tHello. \t\n  Second.\n',
    );
    expect(result.ok && result.transcript.turns[0]).toMatchObject({
      zh: {
        paragraphs: ['\u3000\u3000大家好。\u3000', '\u00A0第二段\uFEFF'],
        text: '\u3000\u3000大家好。\u3000\n\u00A0第二段\uFEFF',
        html: '<p>\u3000\u3000大家好。\u3000</p>\n<p>\u00A0第二段\uFEFF</p>',
      },
      en: { paragraphs: ['Hello.', 'Second.'] },
    });
  });

  it('shows a Markdown punctuation character after a backslash as itself', () => {
    const result = parse(
      '**A:** 五乘三乘二：5\\*3\\*2。\n**A:** Five times three times two: 5\\*3\\*2.\n',
    );
    expect(result.ok && result.transcript.turns[0]!.en).toMatchObject({
      paragraphs: ['Five times three times two: 5\\*3\\*2.'],
      text: 'Five times three times two: 5*3*2.',
      html: '<p>Five times three times two: 5*3*2.</p>',
    });
  });

  it('counts a speaker who speaks twice in a row as two turns', () => {
    const result = parse('**A:** 一。\n**A:** One.\n**A:** Two.\n**A:** 二。\n');
    expect(result.ok && result.transcript.turns.map((turn) => turn.en.paragraphs[0])).toEqual([
      'One.',
      'Two.',
    ]);
  });
});

describe('bad input', () => {
  const cases = readdirSync(BAD).filter((name) => name.endsWith('.md'));
  // Read as the build and `npm run check` read them: encodings and file names are checked too.
  const read = readTranscripts(BAD, process.cwd(), { publicFolder: `${process.cwd()}/public` });

  it.each(cases)('%s reports each problem with its line', async (name) => {
    const file = `${BAD}/${name}`;
    const { problems } = await read;
    const expected = readFileSync(file.replace(/\.md$/, '.expected'), 'utf8').trim().split('\n');
    expect(problems.filter((problem) => problem.file === file).map(formatProblem)).toEqual(
      expected,
    );
  });

  it('reads a 100 000-character line quickly, pointing at the place in it', () => {
    const long = `**Ada:** ${'and so on '.repeat(10_000)}[see](javascript:go())`;
    const started = performance.now();
    const result = parse(`**Ada:** 很长。\n${long}\n** ${' '.repeat(100_000)}x\n`);
    expect(performance.now() - started).toBeLessThan(2_000);
    // Line 3 looks like the start of a label, but is not one: it is a further paragraph.
    expect(result.ok ? [] : result.problems.map(({ line, column }) => [line, column])).toEqual([
      [2, 100_010],
    ]);
  });

  it('reports every unsafe link of a long line at its column, in characters', () => {
    // 𠀋 is one character but two UTF-16 code units.
    const result = parse(`**Ada:** 很长。\n**Ada:** ${'[a](javascript:a)𠀋'.repeat(500)}\n`);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map(({ line, column }) => [line, column])).toEqual(
      Array.from({ length: 500 }, (_, index) => [2, 10 + 18 * index]),
    );
  });

  it('stops reading a file whose paragraphs hold more Markdown syntax than it may, with one problem', () => {
    // 200 syntax characters a paragraph (`\\_` is two), 102 paragraphs: the 101st passes 20,000.
    const escapes = '\\_'.repeat(100);
    const turn = `**A:** 你好${escapes}\n**A:** Hi${escapes}\n`;
    const result = parse(turn.repeat(51));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'content/transcripts/sample.md:101: the paragraphs of this file hold more than 20,000 of the characters `*`, `_`, `` ` ``, `[`, `]` and `\\`, which Markdown reads as syntax, and this one passes that number: write fewer of them, or split the transcript into several files',
    ]);
    // Just under the budget, the same file is a transcript.
    const under = parse(turn.repeat(50));
    expect(under.ok && under.transcript.turns).toHaveLength(50);
  });

  it('allows a turn that is only a stage direction, in both languages', () => {
    const result = parse('**Ada:** [笑声]\n**Ada:** [laughter]\n');
    expect(result.ok && result.transcript.turns[0]).toMatchObject({
      zh: { paragraphs: ['[笑声]'] },
      en: { paragraphs: ['[laughter]'] },
    });
  });

  it('reports a missing partner once, not for every later block', () => {
    const source = [
      '**A:** 一。',
      '**B:** 二。',
      '**B:** Two.',
      '**C:** 三。',
      '**C:** Three.',
    ].join('\n');
    const result = parse(source);
    expect(result.ok ? [] : result.problems.map((problem) => problem.line)).toEqual([1]);
  });

  it('names a block without a partner by its own majority script', () => {
    const result = parse('**Josh:** 我们用 SAE 看 features。\n**Yan:** 好。\n**Yan:** Good.\n');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'content/transcripts/sample.md:1: this English block by Josh has no Chinese partner: add its Chinese translation as a block labelled **Josh:** directly before or after it',
    ]);
  });

  it('reports a missing translation among blocks by one speaker once', () => {
    const result = parse('**A:** 一。\n**A:** 二。\n**A:** Two.\n**A:** Three.\n**A:** 三。\n');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'content/transcripts/sample.md:1: this Chinese block by A has no English partner: add its English translation as a block labelled **A:** directly before or after it',
    ]);
  });
});

describe('hostile lines', () => {
  const syntax = (count: string) =>
    `this paragraph has ${count} of the characters \`*\`, \`_\`, \`\` \` \`\`, \`[\`, \`]\` and \`\\\`, which Markdown reads as syntax, and a paragraph may have at most 1,000 (the first one over is at this column): split it into shorter paragraphs, each on a line of its own`;
  const fill = (unit: string) => unit.repeat(100_000 / unit.length);
  let nested = 'y';
  for (let level = 1999; level >= 0; level--) {
    const mark = level % 2 ? '_' : '*';
    nested = `${mark}x ${nested} x${mark}`;
  }

  it.each([
    ['100 000 characters of *a', fill('*a'), 2010, '50,000'],
    ['100 000 characters of [a](', fill('[a]('), 2010, '50,000'],
    ['100 000 characters of `a', fill('`a'), 2010, '50,000'],
    ['100 000 characters of _a', fill('_a'), 2010, '50,000'],
    ['100 000 characters of \\*', fill('\\*'), 1010, '100,000'],
    ['2 000 levels of emphasis', nested, 3010, '4,000'],
    ['20 000 links', '[a](javascript:a)'.repeat(20_000), 8510, '40,000'],
  ])('answers %s with one problem at its place, and no other', (_, line, column, count) => {
    const result = parse(`**Ada:** 你好，这是一个很长的段落。\n**Ada:** ${line}\n`);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `content/transcripts/sample.md:2:${column}: ${syntax(count)}`,
    ]);
  });
});
