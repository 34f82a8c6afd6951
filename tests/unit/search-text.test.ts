/**
 * How text becomes searchable and how matches are found again in a turn:
 * the pieces that decide whether a reader's phrase finds its turn.
 */
import { describe, expect, it } from 'vitest';
import {
  counterpartRanges,
  type Found,
  type GlossPair,
} from '../../src/lib/search/counterparts.ts';
import { snippet } from '../../src/lib/search/snippet.ts';
import { containsPhrase, matchRanges } from '../../src/lib/search/matches.ts';
import { answers, parseQuery, textTerms } from '../../src/lib/search/terms.ts';

const marked = (text: string, terms: string[]) =>
  matchRanges(text, terms).map(({ start, end }) => text.slice(start, end));

describe('parseQuery', () => {
  it('searches a Chinese phrase as its pairs', () => {
    const query = parseQuery(' 可解释性 ')!;
    expect(query.keys).toEqual(['可解', '解释', '释性']);
    expect(query.quoted).toBe(false);
    expect(query.hasHan).toBe(true);
    expect(parseQuery('alignment')!.hasHan).toBe(false);
  });

  it('splits a mixed query into its Latin and Han pieces, even without a space', () => {
    expect(parseQuery('SAE稀疏')!.pieces).toEqual(['SAE', '稀疏']);
    expect(parseQuery('SAE 稀疏')!.keys).toEqual(['sae', '稀疏']);
  });

  it('reads a query in straight or curly quotes as a request for the exact phrase', () => {
    expect(parseQuery('"pretend to be nice"')!.quoted).toBe(true);
    expect(parseQuery('“哲学王”')!.pieces).toEqual(['哲学王']);
    expect(parseQuery('pretend "to" be')!.quoted).toBe(false);
  });

  it('has nothing to search for in punctuation alone', () => {
    expect(parseQuery('  ')).toBeUndefined();
    expect(parseQuery('，。?!')).toBeUndefined();
    expect(parseQuery('""')).toBeUndefined();
  });

  it('keeps apostrophes and hyphens inside words', () => {
    expect(parseQuery("it's fine-tuning")!.pieces).toEqual(["it's", 'fine-tuning']);
  });

  it('stems English words, so inflections are one term, and a hyphenated word is its parts', () => {
    expect(parseQuery('Aligned models’ alignment ')!.keys).toEqual(['align', 'model']);
    expect(textTerms('self-driving cars, 2024')).toEqual(['self', 'drive', 'car', '2024']);
  });

  it('takes the last word as still being typed until a space or a quote ends it', () => {
    expect(parseQuery('deeply corrigib')!.begun).toEqual({ word: 'corrigib', terms: ['corrigib'] });
    expect(parseQuery('deeply corrigib')!.required).toEqual(['deepli']);
    expect(parseQuery('deeply corrigib ')!.begun).toBeUndefined();
    expect(parseQuery('"deeply corrigib"')!.begun).toBeUndefined();
    expect(parseQuery('corrigib 对齐')!.begun).toBeUndefined();
  });
});

describe('answers', () => {
  const words = 'Corrigibility is deeply hard'.split(' ');
  const terms = new Set(textTerms(words.join(' ')));
  const answered = (query: string) =>
    answers(
      parseQuery(query)!,
      (term) => terms.has(term),
      () => words,
    );

  it('wants every word, and lets the word being typed be the start of one', () => {
    expect(answered('deeply corrigib')).toBe(true);
    expect(answered('deeply corrigib ')).toBe(false);
    expect(answered('deep corrigibility')).toBe(false);
    expect(answered('corrigibility deeply')).toBe(true);
    expect(answered('harder')).toBe(false);
  });
});

describe('matchRanges', () => {
  it('finds a Chinese phrase wherever its pairs stand together, inside longer words too', () => {
    const text = '我们有可解释性研究,可解释性这个赌注';
    expect(marked(text, ['解释'])).toEqual(['解释', '解释']);
    expect(marked(text, ['可解释性研究'])).toEqual(['可解释性研究', '可解释性']);
  });

  it('marks whole Latin words that begin with a term, whatever their case', () => {
    expect(marked('Aligned models align; misaligned ones do not.', ['align'])).toEqual([
      'Aligned',
      'align',
    ]);
  });

  it('finds Latin words written against Han characters', () => {
    expect(marked('现在用SAE稀疏', ['sae', '稀疏'])).toEqual(['SAE稀疏']);
  });
});

describe('counterpartRanges', () => {
  const glossary: GlossPair[] = [
    { zh: '可解释性', en: 'interpretability' },
    { zh: '稀疏自编码器', en: 'saes' },
    { zh: '思维链', en: 'Chain of Thought' },
  ];
  const partners = (found: Found, other: string, pairs = glossary) =>
    counterpartRanges(found, other, pairs).map(({ start, end }) => other.slice(start, end));

  it('marks a glossed term’s English for its Chinese, and its Chinese for its English', () => {
    const zh = '我也希望可解释性能成为那个方法,现在用 SAE(稀疏自编码器)之类的工具';
    const en = 'I hope that interpretability is like that, even now with the saes you can see';
    expect(partners({ language: 'zh', text: zh, marks: ['可解释性'] }, en)).toEqual([
      'interpretability',
    ]);
    expect(partners({ language: 'en', text: en, marks: ['interpretability'] }, zh)).toEqual([
      '可解释性',
    ]);
    expect(partners({ language: 'zh', text: zh, marks: ['稀疏自编码器'] }, en)).toEqual(['saes']);
    // The Chinese quotes the abbreviation too: the same word, in the singular.
    expect(partners({ language: 'en', text: en, marks: ['saes'] }, zh)).toEqual([
      'SAE',
      '稀疏自编码器',
    ]);
  });

  it('marks a term of several words as the other block writes it, plural and case aside', () => {
    const zh = '思维链对模型至关重要';
    const en = 'the chain of  Thoughts are really important';
    expect(partners({ language: 'zh', text: zh, marks: ['思维链'] }, en)).toEqual([
      'chain of  Thoughts',
    ]);
    const found = 'like the Chain of Thought is currently in English';
    expect(
      partners({ language: 'en', text: found, marks: ['Chain', 'of', 'Thought'] }, zh),
    ).toEqual(['思维链']);
  });

  it('wants the term found whole: part of it, or a word beside it, names no term', () => {
    const zh = '我们有可解释性研究';
    const en = 'we have interpretability research';
    expect(partners({ language: 'zh', text: zh, marks: ['解释'] }, en)).toEqual([]);
    expect(
      partners({ language: 'en', text: 'the chain of events', marks: ['chain'] }, '思维链'),
    ).toEqual([]);
    // Found in a longer word (可解释性审计), the term is still found whole.
    expect(partners({ language: 'zh', text: '可解释性审计', marks: ['可解释性'] }, en)).toEqual([
      'interpretability',
    ]);
  });

  it('marks nothing where the other block lacks the partner, or the turn has no glossary', () => {
    const zh = '我们正在做可解释性审计(interpretability audits)';
    expect(
      partners(
        { language: 'zh', text: zh, marks: ['可解释性'] },
        'we playing these interminability audits',
      ),
    ).toEqual([]);
    expect(
      partners({ language: 'zh', text: '可解释性', marks: ['可解释性'] }, 'interpretability', []),
    ).toEqual([]);
  });

  it('marks the query’s own words where the other block holds them, Latin in any inflection', () => {
    const zh = '确实有一种可能性:alignment 的秘诀就是打开那个"友善特征"';
    const en = 'it turns out that the secret to alignment is just turn on the nice feature';
    expect(partners({ language: 'en', text: en, marks: ['alignment'] }, zh, [])).toEqual([
      'alignment',
    ]);
    expect(partners({ language: 'en', text: 'well aligned', marks: ['aligned'] }, zh, [])).toEqual([
      'alignment',
    ]);
    // A query mixing both languages, found in the Chinese: its English word marked in the English.
    expect(partners({ language: 'zh', text: zh, marks: ['秘诀', 'alignment'] }, en, [])).toEqual([
      'alignment',
    ]);
    expect(partners({ language: 'en', text: en, marks: ['nice'] }, zh, [])).toEqual([]);
  });
});

describe('containsPhrase', () => {
  it('ignores case, punctuation and the spaces beside Han characters', () => {
    expect(
      containsPhrase('It is shallowly aligned, or deeply aligned?', ['Shallowly', 'aligned', 'or']),
    ).toBe(true);
    expect(containsPhrase('现在用 SAE(稀疏自编码器)', ['SAE', '稀疏'])).toBe(true);
    expect(containsPhrase('一个"alignment 比较容易"的世界', ['alignment', '比较'])).toBe(true);
  });

  it('wants the words in order and next to each other', () => {
    expect(containsPhrase('aligned or deeply', ['deeply', 'aligned'])).toBe(false);
    expect(containsPhrase('realign', ['align'])).toBe(false);
  });
});

describe('snippet', () => {
  const text = 'A '.repeat(100) + '对齐是问题' + ' B'.repeat(100);

  it('shows a window around the match, marked, and says where it was cut', () => {
    const pieces = snippet(text, ['对齐'], 'zh');
    expect(pieces[0]).toEqual({ text: '…', marked: false });
    expect(pieces.at(-1)).toEqual({ text: '…', marked: false });
    expect(pieces.filter((piece) => piece.marked).map((piece) => piece.text)).toEqual(['对齐']);
  });

  it('shows the text as written between the ellipses', () => {
    const source = 'First paragraph, all of it.\nThen   the second, with alignment in it.';
    const pieces = snippet(source, ['alignment'], 'en');
    expect(pieces.map((piece) => piece.text).join('')).toBe(
      'First paragraph, all of it. Then the second, with alignment in it.',
    );
    expect(pieces.find((piece) => piece.marked)?.text).toBe('alignment');
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    // An odd offset before the characters puts a window's edge inside a pair unless it is moved.
    const source = 'a' + '𠀀'.repeat(200) + '对齐';
    for (const piece of snippet(source, ['对齐'], 'zh')) {
      expect(piece.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});
