/**
 * How text becomes searchable and how matches are found again in a turn:
 * the pieces that decide whether a reader's phrase finds its turn.
 */
import { describe, expect, it } from 'vitest';
import { snippet } from '../../src/lib/search/snippet.ts';
import { containsPhrase, coversQuery, matchRanges, wordsAt } from '../../src/lib/search/matches.ts';
import { answers, parseQuery, searchableText, textTerms } from '../../src/lib/search/terms.ts';

const marked = (text: string, terms: string[]) =>
  matchRanges(text, terms).map(({ start, end }) => text.slice(start, end));

describe('searchableText', () => {
  it('cuts runs of Han characters into overlapping pairs and leaves Latin words alone', () => {
    expect(searchableText('我们用SAE(稀疏自编码器)')).toBe(
      ' 我们 们用 SAE( 稀疏 疏自 自编 编码 码器 )',
    );
  });

  it('keeps a lone Han character as it is', () => {
    expect(searchableText('A 或 B').trim().split(/\s+/)).toEqual(['A', '或', 'B']);
  });
});

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

describe('coversQuery', () => {
  it('wants every word of the query in the text, not in a title or a name beside it', () => {
    const text = '只是稍微难一点?你怎么区分模型是浅层对齐还是深层对齐?';
    expect(coversQuery(text, ['对齐'])).toBe(true);
    expect(coversQuery(text, ['alignment', '对齐'])).toBe(false);
    expect(coversQuery(text, ['深层对齐', '模型'])).toBe(true);
  });

  it('lets an English word stand for its inflections and for a word begun', () => {
    const text = 'how do you distinguish whether it is shallowly aligned';
    expect(coversQuery(text, ['alignment'])).toBe(true);
    expect(coversQuery(text, ['distinguishing', 'shallow'])).toBe(true);
    expect(coversQuery(text, ['disti'])).toBe(true);
    expect(coversQuery(text, ['Josh', 'aligned'])).toBe(false);
  });
});

describe('wordsAt', () => {
  it('reads the words at Pagefind’s positions, punctuation trimmed', () => {
    expect(wordsAt('Only slightly harder:\nshallowly aligned, or not', [3, 4])).toEqual([
      'shallowly',
      'aligned',
    ]);
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
