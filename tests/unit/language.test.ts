import { describe, expect, it } from 'vitest';
import {
  lettersOf,
  pairLanguages,
  sameHanShare,
  scriptLanguage,
} from '../../src/lib/transcript/language.ts';

const pair = (a: string, b: string) => pairLanguages(lettersOf(a), lettersOf(b));

describe('lettersOf', () => {
  it('counts Han characters and Latin letters, nothing else', () => {
    expect(lettersOf('我们用 SAE 看 features。')).toEqual({ han: 4, latin: 11 });
    expect(lettersOf('Café naïve, 42!')).toEqual({ han: 0, latin: 9 });
    expect(lettersOf('𠀋 Ω')).toEqual({ han: 1, latin: 0 });
  });

  it('finds no letters in a block of digits and punctuation', () => {
    expect(lettersOf('1, 2, 3……')).toBeUndefined();
    expect(lettersOf('—— ?! 42')).toBeUndefined();
  });
});

describe('pairLanguages', () => {
  it('makes the block with the larger share of Han characters the Chinese one, in either order', () => {
    expect(pair('大家早上好。', 'Good morning.')).toEqual(['zh', 'en']);
    expect(pair('Good morning.', '大家早上好。')).toEqual(['en', 'zh']);
  });

  it('lets a Chinese block hold more Latin letters than Han characters', () => {
    // 6 Han characters among 59 letters, about 10%, against none.
    expect(
      pair(
        '我们用 SAE(Sparse Autoencoders)和 influence functions 去看 model internals。',
        'We use SAEs and influence functions to look at model internals.',
      ),
    ).toEqual(['zh', 'en']);
  });

  it('lets an English block quote a few Chinese words', () => {
    expect(pair('这叫对齐。', 'In Chinese this is called 对齐, alignment.')).toEqual(['zh', 'en']);
  });

  it('makes no turn of two blocks with the same share', () => {
    expect(pair('Hello.', 'Hello again.')).toBeUndefined();
    expect(pair('你好。', '你好吗？')).toBeUndefined();
    expect(pair('中ab', '中文abcd')).toBeUndefined(); // 1 of 3 and 2 of 6
  });

  it('needs the Chinese block’s share to be at least 5%', () => {
    expect(pair(`中${'a'.repeat(19)}`, 'abc')).toEqual(['zh', 'en']); // 1 of 20
    expect(pair(`中${'a'.repeat(20)}`, 'abc')).toBeUndefined(); // 1 of 21
  });

  it('makes no turn with a block without letters', () => {
    expect(pair('你好。', '1, 2, 3')).toBeUndefined();
    expect(pair('1, 2, 3', '1, 2, 3')).toBeUndefined();
  });
});

describe('sameHanShare', () => {
  it('compares the shares as fractions', () => {
    expect(sameHanShare(lettersOf('中ab')!, lettersOf('中文abcd')!)).toBe(true);
    expect(sameHanShare(lettersOf('中ab')!, lettersOf('中文abc')!)).toBe(false);
  });
});

describe('scriptLanguage', () => {
  it('names a block by the script most of its letters are in', () => {
    expect(scriptLanguage(lettersOf('大家好, everyone'))).toBe('en');
    expect(scriptLanguage(lettersOf('大家早上好, all'))).toBe('zh');
    expect(scriptLanguage(lettersOf('AI 安全'))).toBe('zh'); // a tie
    expect(scriptLanguage(lettersOf('42'))).toBeUndefined();
  });
});
