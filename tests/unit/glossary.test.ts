/**
 * The glossary read from the text's own glosses: where a Chinese term
 * starts, the three ways a gloss is written, the English check, the front
 * matter's corrections, and the marks in the English HTML.
 */
import { describe, expect, it } from 'vitest';
import { pinyinKey, siteGlossary, termIds } from '../../src/lib/glossary-index.ts';
import { readGlosses, termBefore } from '../../src/lib/transcript/glossary.ts';
import { findTerms, termMatcher } from '../../src/lib/transcript/gloss-terms.ts';
import { readInline } from '../../src/lib/transcript/inline.ts';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';
import { markGlosses } from '../../src/lib/transcript/gloss-marks.ts';
import { matchTerms } from '../../src/lib/search/glossary-match.ts';
import { parseFile, SEED } from './helpers.ts';

function parse(source: string) {
  const result = parseTranscript(source, { file: 'panel.md', slug: 'panel' });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return result;
}

describe('the seed’s glosses', () => {
  it('lists all fourteen, each with its Chinese term, English term and turn', () => {
    const { glossary } = parseFile(SEED);
    expect(glossary.map(({ zh, en, abbr, turns }) => [zh, en, abbr ?? '', turns])).toEqual([
      ['社会选择理论', 'social choice theory', '', [{ number: 2, inEnglish: true }]],
      ['效用函数', 'utility function', '', [{ number: 2, inEnglish: true }]],
      ['超级对齐', 'super alignment', '', [{ number: 4, inEnglish: true }]],
      ['可解释性', 'interpretability', '', [{ number: 12, inEnglish: true }]],
      ['稀疏自编码器', 'Sparse Autoencoders', 'SAE', [{ number: 13, inEnglish: true }]],
      ['电路', 'circuits', '', [{ number: 15, inEnglish: true }]],
      ['思维链', 'Chain of Thought', '', [{ number: 18, inEnglish: true }]],
      // The English of turn 20 says "interminability audits": listed, and flagged.
      ['可解释性审计', 'interpretability audits', '', [{ number: 20, inEnglish: false }]],
      ['影响函数', 'influence function', '', [{ number: 23, inEnglish: true }]],
      ['恶的平庸性', 'the banality of evil', '', [{ number: 33, inEnglish: true }]],
      ['附随现象', 'epiphenomenon', '', [{ number: 33, inEnglish: true }]],
      ['可纠正性', 'corrigibility', '', [{ number: 35, inEnglish: true }]],
      ['意图对齐', 'intent alignment', '', [{ number: 36, inEnglish: true }]],
      ['价值观对齐', 'values alignment', '', [{ number: 36, inEnglish: true }]],
    ]);
  });

  it('gives each term its pinyin, word by word, in tone marks', () => {
    const { glossary } = parseFile(SEED);
    const pinyin = Object.fromEntries(glossary.map(({ zh, pinyin }) => [zh, pinyin]));
    expect(pinyin['可解释性']).toEqual(['kě', 'jiě shì', 'xìng']);
    expect(pinyin['社会选择理论']).toEqual(['shè huì', 'xuǎn zé', 'lǐ lùn']);
    expect(pinyin['恶的平庸性']).toEqual(['è', 'de', 'píng yōng', 'xìng']);
  });

  it('marks each English term in the English blocks with its Chinese term, its text unchanged', () => {
    const { turns } = parseFile(SEED);
    const marks = turns.flatMap(({ en }) =>
      [...en.html.matchAll(/<span class="gloss" title="([^"]+)">([^<]+)<\/span>/g)].map(
        ([, title, text]) => `${text} ${title}`,
      ),
    );
    expect(marks).toContain('corrigibility 可纠正性');
    expect(marks).toContain('social Choice theory 社会选择理论');
    expect(marks).toContain('utility functions 效用函数');
    expect(marks).toContain('saes 稀疏自编码器');
    expect(marks.filter((mark) => mark === 'interpretability 可解释性').length).toBeGreaterThan(5);
    // Without its marks, each English block is the HTML it would be without a glossary.
    for (const { en } of turns) {
      const unmarked = en.paragraphs.map((paragraph) => {
        const read = readInline(paragraph);
        return read.ok ? read.paragraph.html : '';
      });
      expect(en.html.replace(/<span class="gloss" title="[^"]+">([^<]+)<\/span>/g, '$1')).toBe(
        unmarked.join('\n'),
      );
    }
  });
});

describe('where a Chinese term starts', () => {
  it.each([
    ['我在思考可纠正性', '可纠正性'],
    ['他们脑子里想着社会选择理论', '社会选择理论'],
    ['这就是我真正感兴趣的挑战——超级对齐', '超级对齐'],
    ['看起来我们有 Yan 在做意图对齐', '意图对齐'],
    ['我们讨论了大语言模型', '大语言模型'],
    ['还有一个特征只对金门大桥', '金门大桥'],
  ])('in %s the term is %s', (before, term) => {
    expect(termBefore(before)).toBe(term);
  });

  it('is wrong for a term that holds a grammatical word, which the front matter sets', () => {
    // 的 ends the term read from the text alone: 基于人类反馈的强化学习 is read as 强化学习.
    expect(termBefore('他们用基于人类反馈的强化学习')).toBe('强化学习');
    // 对 before a word ICU does not know: 对齐税 is read as 齐税.
    expect(termBefore('我们提出对齐税')).toBe('齐税');
    const source = [
      '---',
      'glossary:',
      '  基于人类反馈的强化学习: reinforcement learning from human feedback',
      '---',
      '**Ada:** 他们用基于人类反馈的强化学习(reinforcement learning from human feedback)。',
      '**Ada:** They used reinforcement learning from human feedback.',
    ].join('\n');
    const { transcript, warnings } = parse(source);
    expect(transcript.glossary).toEqual([
      {
        zh: '基于人类反馈的强化学习',
        pinyin: ['jī yú', 'rén lèi', 'fǎn kuì', 'de', 'qiáng huà', 'xué xí'],
        en: 'reinforcement learning from human feedback',
        turns: [{ number: 1, inEnglish: true }],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('is never longer than eight characters without the front matter', () => {
    expect(termBefore('一二三四五六七八九十')!.length).toBeLessThanOrEqual(8);
  });

  it('is what quotes before the gloss hold', () => {
    expect(readGlosses('关于“恶的平庸性”(the banality of evil)的理论')).toEqual([
      { zh: '恶的平庸性', en: 'the banality of evil' },
    ]);
  });
});

describe('how a gloss is written', () => {
  it('reads full-width parentheses as ASCII ones', () => {
    expect(readGlosses('我在思考可纠正性（corrigibility）。还有思维链(Chain of Thought)')).toEqual([
      { zh: '可纠正性', en: 'corrigibility' },
      { zh: '思维链', en: 'Chain of Thought' },
    ]);
  });

  it('reads ABBR(术语,term), with either comma', () => {
    expect(readGlosses('现在用 SAE(稀疏自编码器,Sparse Autoencoders)之类的工具')).toEqual([
      { zh: '稀疏自编码器', en: 'Sparse Autoencoders', abbr: 'SAE' },
    ]);
    expect(
      readGlosses('用RLHF（基于人类反馈的强化学习，reinforcement learning from human feedback）'),
    ).toEqual([
      {
        zh: '基于人类反馈的强化学习',
        en: 'reinforcement learning from human feedback',
        abbr: 'RLHF',
      },
    ]);
  });

  it('takes no parenthesis for a gloss that holds no English, or follows no Chinese', () => {
    expect(readGlosses('他笑了(笑)。GPT-4(a model) 和 2024(this year)')).toEqual([]);
  });
});

describe('the English terms in English text', () => {
  const matcher = termMatcher([
    { zh: '效用函数', en: 'utility function' },
    { zh: '可解释性', en: 'interpretability' },
    { zh: '可解释性审计', en: 'interpretability audits' },
    { zh: '信息技术', en: 'information technology', abbr: 'IT' },
  ]);
  const found = (text: string) => findTerms(text, matcher).map(({ text, zh }) => `${text}=${zh}`);

  it('finds whole words only, whatever their case, spacing and plural', () => {
    expect(found('Utility  Functions matter; a disutility function does not')).toEqual([
      'Utility  Functions=效用函数',
    ]);
  });

  it('prefers the longer term', () => {
    expect(found('interpretability audits and interpretability')).toEqual([
      'interpretability audits=可解释性审计',
      'interpretability=可解释性',
    ]);
  });

  it('finds a two-letter abbreviation only as written', () => {
    expect(found('IT said it would')).toEqual(['IT=信息技术']);
  });
});

describe('the front matter’s glossary', () => {
  const body = [
    '**Ada:** 我在思考可纠正性(corrigibility)。我们也谈对齐。',
    '**Ada:** I am thinking about corrigibility. We talk about alignment too.',
    '**Ada:** 关于[对齐](https://example.com)和 `alignment`。',
    '**Ada:** On [alignment](https://example.com) and `alignment`.',
  ];

  it('adds a term the text does not gloss, and marks it outside links and code', () => {
    const { transcript, warnings } = parse(
      ['---', 'glossary:', '  对齐: alignment', '---', ...body].join('\n'),
    );
    expect(transcript.glossary.map(({ zh, en, turns }) => [zh, en, turns])).toEqual([
      ['可纠正性', 'corrigibility', [{ number: 1, inEnglish: true }]],
      [
        '对齐',
        'alignment',
        [
          { number: 1, inEnglish: true },
          { number: 2, inEnglish: true },
        ],
      ],
    ]);
    expect(warnings).toEqual([]);
    expect(transcript.turns[0]!.en.html).toBe(
      '<p>I am thinking about <span class="gloss" title="可纠正性">corrigibility</span>. We talk about <span class="gloss" title="对齐">alignment</span> too.</p>',
    );
    expect(transcript.turns[1]!.en.html).toBe(
      '<p>On <a href="https://example.com">alignment</a> and <code>alignment</code>.</p>',
    );
    expect(transcript.turns[0]!.en.text).toBe(
      'I am thinking about corrigibility. We talk about alignment too.',
    );
  });

  it('warns of a term no turn uses, at its line', () => {
    const { warnings } = parse(['---', 'glossary:', '  安全: safety', '---', ...body].join('\n'));
    expect(warnings.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      '3: the glossary term `安全` (`safety`) is in no turn whose Chinese holds `安全` and whose English holds `safety`: check the spelling of both, or remove the term',
    ]);
  });
});

describe('the glossary pages’ rows', () => {
  const entry = (zh: string, en: string, pinyin: string[] = []) => ({
    zh,
    pinyin,
    en,
    turns: [{ number: 1, inEnglish: true }],
  });

  it('gives each term an id from its Chinese, a second English for it a number', () => {
    expect(
      termIds([entry('可纠正性', 'corrigibility'), entry('可纠正性', 'correctability')]),
    ).toEqual(['term-可纠正性', 'term-可纠正性-2']);
  });

  it('gathers the site’s terms once each, by pinyin, with every transcript that has them', () => {
    const terms = siteGlossary([
      {
        id: 'a',
        title: { en: 'A', zh: 'A' },
        glossary: [
          entry('思维链', 'Chain of Thought', ['sī wéi', 'liàn']),
          entry('电路', 'circuits', ['diàn lù']),
        ],
      },
      {
        id: 'b',
        title: { en: 'B', zh: 'B' },
        glossary: [entry('思维链', 'chain of thought', ['sī wéi', 'liàn'])],
      },
    ]);
    expect(terms.map(({ zh, transcripts }) => [zh, transcripts.map(({ id }) => id)])).toEqual([
      ['电路', ['a']],
      ['思维链', ['a', 'b']],
    ]);
  });

  it('orders the site’s terms by the pinyin they show, read in context, not by each character’s usual reading', () => {
    const terms = siteGlossary([
      {
        id: 'a',
        title: { en: 'A', zh: 'A' },
        glossary: [
          entry('中文', 'Chinese', ['zhōng wén']),
          entry('银行', 'bank', ['yín háng']),
          entry('重复', 'repetition', ['chóng fù']),
          entry('长度', 'length', ['cháng dù']),
          entry('女人', 'woman', ['nǚ rén']),
          entry('努力', 'effort', ['nǔ lì']),
        ],
      },
    ]);
    // ICU's pinyin order reads 重 as zhòng and puts 重复 after 中文.
    expect(terms.map(({ zh }) => zh)).toEqual(['长度', '重复', '努力', '女人', '银行', '中文']);
  });

  it('orders pinyin syllable by syllable, letters before tones, ü after u, the neutral tone last', () => {
    const sorted = ['ān', 'a', 'àn', 'ā', 'āng', 'ā yī', 'lǜ', 'lù', 'lú', 'dé', 'de'].sort(
      (a, b) => (pinyinKey([a]) < pinyinKey([b]) ? -1 : 1),
    );
    expect(sorted).toEqual(['ā', 'ā yī', 'a', 'ān', 'àn', 'āng', 'dé', 'de', 'lú', 'lù', 'lǜ']);
  });
});

describe('marks in HTML', () => {
  const matcher = termMatcher([{ zh: '对齐', en: 'alignment' }]);

  it('marks text only, never a link’s text or attribute, nor across a character reference', () => {
    const html =
      '<p><a href="https://x.org/alignment" title="a &#x22;alignment&#x22; > b">alignment</a> &#x3C;alignment&#x26; <em>alignment</em></p>';
    expect(markGlosses(html, matcher)).toBe(
      '<p><a href="https://x.org/alignment" title="a &#x22;alignment&#x22; > b">alignment</a> &#x3C;<span class="gloss" title="对齐">alignment</span>&#x26; <em><span class="gloss" title="对齐">alignment</span></em></p>',
    );
  });
});

describe('search names glossary terms', () => {
  const terms = [
    { zh: '稀疏自编码器', en: 'Sparse Autoencoders', abbr: 'SAE', id: 'term-稀疏自编码器' },
    { zh: '可解释性', en: 'interpretability', id: 'term-可解释性' },
  ];
  const named = (query: string) => matchTerms(query, terms).map(({ zh }) => zh);

  it('by two or more Chinese characters, a word’s start of the English, or the abbreviation', () => {
    expect(named('解释')).toEqual(['可解释性']);
    expect(named('autoenc')).toEqual(['稀疏自编码器']);
    expect(named('sae')).toEqual(['稀疏自编码器']);
    expect(named('性')).toEqual([]);
    expect(named('coders')).toEqual([]);
  });
});
