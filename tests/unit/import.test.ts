import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTranscript } from '../../src/lib/import/import.ts';
import { formatProblem } from '../../src/lib/transcript/problem.ts';

const SAMPLES = 'examples/import';
const options = { slug: 'sample', out: 'content/transcripts/sample.md' };
const sample = (name: string) => ({
  file: `${SAMPLES}/${name}`,
  text: readFileSync(`${SAMPLES}/${name}`, 'utf8'),
});
const run = (zh: [string, string], en: [string, string], more = {}) =>
  importTranscript(
    { file: zh[0], text: zh[1] },
    { file: en[0], text: en[1] },
    { ...options, ...more },
  );
const problemsOf = async (result: ReturnType<typeof run>) => {
  const done = await result;
  return done.ok ? [] : done.problems.map(formatProblem);
};

describe('import from two plain-text records', () => {
  it('pairs turn by turn, each speaker named in both languages, unlabelled lines continuing a turn', async () => {
    const result = await importTranscript(sample('press-zh.txt'), sample('press-en.txt'), {
      ...options,
      title: 'Regular Press Conference',
      date: '2024-05-31',
    });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { transcript } = result;
    expect(transcript.title).toEqual({
      en: 'Regular Press Conference',
      zh: 'Regular Press Conference',
    });
    expect(transcript.date).toBe('2024-05-31');
    expect(transcript.turns.map((turn) => turn.speaker)).toEqual([
      'Mao Ning',
      'CCTV',
      'Mao Ning',
      'Bloomberg',
      'Mao Ning',
    ]);
    expect(transcript.speakers['CCTV']!.name).toEqual({ en: 'CCTV', zh: '总台央视记者' });
    expect(transcript.turns[2]!.zh.paragraphs).toEqual([
      '我们希望双方相向而行，落实两国元首的重要共识。',
      '中方愿同各方一道，推动会谈取得积极成果。',
    ]);
    expect(transcript.turns.every((turn) => turn.start === undefined)).toBe(true);
  });

  it('reads `Name: text`, `Name：text` and `**Name:** text`, and keeps Markdown characters as written', async () => {
    const result = await run(
      ['zh.txt', '**主持人:** 5*3*2 和 `code`\n主持人：[笑声]\n'],
      ['en.txt', 'Host: 5*3*2 and `code` [see](x)\n**Host：** [laughter]\n'],
    );
    expect(
      result.ok && result.transcript.turns.map((turn) => [turn.zh.text, turn.en.text]),
    ).toEqual([
      ['5*3*2 和 `code`', '5*3*2 and `code` [see](x)'],
      ['[笑声]', '[laughter]'],
    ]);
    expect(result.ok && result.markdown).toContain('**Host:** 5\\*3\\*2 and \\`code\\` [see\\](x)');
  });

  it('does not read a sentence with a colon, a web address or a time as a label', async () => {
    const result = await run(
      ['zh.txt', '毛宁：他说：好的。\n'],
      [
        'en.txt',
        'Mao Ning: He said it plainly, as follows: yes.\nhttps://example.com/a\nAt 10:30 we met.\n',
      ],
    );
    expect(result.ok && result.transcript.turns[0]!.en.paragraphs).toEqual([
      'He said it plainly, as follows: yes.',
      'https://example.com/a',
      'At 10:30 we met.',
    ]);
  });

  it('tells where two records part ways, and every problem of both files at once', async () => {
    expect(
      await problemsOf(
        run(
          ['zh.txt', '毛宁：下午好。\n总台央视记者：问题？\n毛宁：回答。\n'],
          ['en.txt', 'Mao Ning: Hello.\nMao Ning: Answer.\n'],
        ),
      ),
    ).toEqual([
      "zh.txt:2: turn 2 is by 总台央视记者 here and by Mao Ning in en.txt (line 2), but Mao Ning's turns paired with 毛宁's before (line 1): a turn is missing in one file, or two are joined, before this one; make the two files' turns match one to one",
    ]);
    expect(
      await problemsOf(
        run(['zh.txt', '毛宁：好。\n毛宁：再见。\n'], ['en.txt', 'Mao Ning: Good.\n']),
      ),
    ).toEqual([
      'zh.txt:2: this file has 2 turns and en.txt 1, which end here: this turn by 毛宁 and those after it have no partner; add their translation to en.txt, or remove them',
    ]);
    expect(
      await problemsOf(
        run(['zh.txt', '例行记者会\n毛宁：\n'], ['en.txt', 'Mao Ning: Good\u0007.\n']),
      ),
    ).toEqual([
      'en.txt:1:15: the invisible control character U+0007 cannot be shown on a page: delete it, or type the character that was meant',
      'zh.txt:1: text before the first speaker label, `例行记者会`: start the line with who speaks, `Name: text`, or remove it (a heading can be given as --title)',
      'zh.txt:2: the label `毛宁:` has no text: write what 毛宁 said after it or on the lines below it, or remove it',
    ]);
  });

  it('tells, at the place in the input, what Duet would refuse of the result', async () => {
    const problems = await problemsOf(run(['zh.txt', 'A: Hello.\n'], ['en.txt', 'A: Hi.\n']));
    expect(problems.map((problem) => problem.split(': as imported, ')[0])).toEqual([
      'en.txt:1',
      'zh.txt:1',
      'zh.txt:1',
    ]);
    expect(problems[0]).toMatch(
      /^en.txt:1: as imported, this English block by A has no Chinese partner/,
    );
  });

  it('refuses a plain file beside a subtitle file', async () => {
    expect(await problemsOf(run(['zh.srt', ''], ['en.txt', 'A: Hi.\n']))).toEqual([
      'zh.srt:1: this file and en.txt are of two kinds, plain text and subtitles: give two plain-text files, or two subtitle files (.srt or .vtt) of one recording',
    ]);
  });
});

describe('import from two subtitle files', () => {
  it('pairs SubRip cues by time, a turn at each change of speaker, with its start', async () => {
    const result = await importTranscript(sample('talk-zh.srt'), sample('talk-en.srt'), options);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(
      result.transcript.turns.map(({ speaker, start, zh, en }) => [
        speaker,
        start,
        zh.text,
        en.text,
      ]),
    ).toEqual([
      ['Moderator', 1, '欢迎大家。我们开始吧。', "Welcome, everyone. Let's begin."],
      [
        'Josh',
        6.2,
        '我觉得 AI 里的一切都像那个 meme。[笑声]',
        'So I feel like everything in AI is like that meme. [laughter]',
      ],
    ]);
    expect(result.transcript.speakers['Moderator']!.name).toEqual({
      en: 'Moderator',
      zh: '主持人',
    });
    expect(result.markdown).toContain(
      '**主持人 [0:01]:** 欢迎大家。我们开始吧。\n**Moderator [0:01]:**',
    );
  });

  it('reads WebVTT voices, tags left out and character references read', async () => {
    const result = await importTranscript(sample('talk-zh.vtt'), sample('talk-en.vtt'), options);
    expect(
      result.ok && result.transcript.turns.map(({ speaker, start }) => [speaker, start]),
    ).toEqual([
      ['Moderator', 1],
      ['Josh', 6.2],
    ]);
    const tags = await run(
      ['zh.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v 甲>你<i>好</i> &lt;3\n'],
      [
        'en.vtt',
        'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v.loud A>Hello <b>there</b> &amp; &lt;3\n',
      ],
    );
    expect(
      tags.ok && [tags.transcript.turns[0]!.zh.text, tags.transcript.turns[0]!.en.text],
    ).toEqual(['你好 <3', 'Hello there & <3']);
  });

  it('tells cues that overlap nothing, cues without a speaker, bad timings and speakers out of order', async () => {
    const timed = (file: string, texts: string[]): [string, string] => [
      file,
      srt(
        ...texts.map(
          (text, index) => `00:00:0${2 * index + 1},000 --> 00:00:0${2 * index + 3},000\n${text}`,
        ),
      ),
    ];
    const srt = (...cues: string[]) =>
      cues.map((cue, index) => `${index + 1}\n${cue}\n`).join('\n');
    expect(
      await problemsOf(
        run(
          [
            'zh.srt',
            srt(
              '00:00:01,000 --> 00:00:03,000\n欢迎。',
              '00:00:20,000 --> 00:00:22,000\n多余。',
              '00:00:0x,000 --> 00:00:05,000\n坏',
            ),
          ],
          ['en.srt', srt('00:00:01,000 --> 00:00:03,000\nHost: Welcome.')],
        ),
      ),
    ).toEqual([
      'zh.srt:2: this cue (0:01) names no speaker (nor do the 1 cues after it), and every turn needs one: start its text with who speaks, `Name: text`, or in WebVTT mark it `<v Name>text`; a later cue naming no one continues the turn before it',
      'zh.srt:6: this cue (0:20 to 0:22) overlaps no cue of en.srt in time: add its translation there at that time, or correct its times',
      "zh.srt:10: cue start timestamp `00:00:0x.000` is invalid: write each cue's timing as `00:01:02,500 --> 00:01:05,000`, the end after the start",
    ]);
    expect(
      await problemsOf(
        run(
          timed('zh.srt', ['甲：一。', '乙：二。', '甲：三。']),
          timed('en.srt', ['A: One.', 'A: Two.', 'B: Three.']),
        ),
      ),
    ).toEqual([
      "zh.srt:2: this turn by 甲 (0:01 to 0:03) has no partner in en.srt: no turn there overlaps it in time more than it overlaps another turn here, so one file changes speaker where the other does not; make the speakers' changes fall at the same times in both files",
    ]);
    expect(
      await problemsOf(
        run(
          timed('zh.srt', ['甲：一。', '乙：二。', '甲：三。']),
          timed('en.srt', ['A: One.', 'B: Two.', 'B: Three.']),
        ),
      ),
    ).toEqual([
      "zh.srt:6: this turn by 乙 (0:03 to 0:05) has no partner in en.srt: no turn there overlaps it in time more than it overlaps another turn here, so one file changes speaker where the other does not; make the speakers' changes fall at the same times in both files",
      "zh.srt:10: this turn by 甲 (0:05 to 0:07) falls at the time of a turn by B in en.srt (line 6), but 甲's turns paired with A's before (line 2): the speakers are in a different order in the two files; correct the speaker of one of the two",
    ]);
  });

  it('refuses a voice that cannot label a turn', async () => {
    const vtt = (voice: string, text: string) =>
      `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v ${voice}>${text}\n`;
    expect(
      await problemsOf(run(['zh.vtt', vtt('Dr: 甲', '你好。')], ['en.vtt', vtt('A*', 'Hello.')])),
    ).toEqual([
      'en.vtt:3: the speaker A* cannot label a turn, since a label cannot hold `*`, `:` or `：`: name the speaker otherwise',
      'zh.vtt:3: the speaker Dr: 甲 cannot label a turn, since a label cannot hold `*`, `:` or `：`: name the speaker otherwise',
    ]);
  });
});

describe('hostile input', () => {
  it('answers a line of a million characters and odd Unicode in bounded time', async () => {
    const long = `${'啊'.repeat(500_000)}${'\u0301\u200D\uFE0F𠀋'.repeat(100_000)}`;
    const started = performance.now();
    await run(['zh.txt', `甲：${long}\n`], ['en.txt', `A: ${'x: '.repeat(300_000)}\n`]);
    await run(
      [
        'zh.srt',
        `1\n00:00:00,000 --> 99:00:00,000\n甲：一\n\n${Array.from({ length: 3000 }, (_, i) => `${i + 2}\n00:00:${String(i % 60).padStart(2, '0')},000 --> 00:01:00,000\n乙${i}：二\n`).join('\n')}`,
      ],
      ['en.srt', `1\n${'['.repeat(200_000)} --> x\n`],
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
