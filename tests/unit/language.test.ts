import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/lib/transcript/language.ts';

describe('detectLanguage', () => {
  it('calls a block Chinese when Han characters are at least a quarter of its letters', () => {
    expect(detectLanguage('中abc')).toBe('zh'); // 1 of 4
    expect(detectLanguage('中abcd')).toBe('en'); // 1 of 5
    expect(detectLanguage('我们用 SAE 看 features')).toBe('zh');
  });

  it('calls a block English otherwise, even when it quotes a Chinese word', () => {
    expect(detectLanguage('In Chinese this is called 对齐, alignment.')).toBe('en');
    expect(detectLanguage('Café naïve résumé')).toBe('en');
  });

  it('gives no language to a block without letters', () => {
    expect(detectLanguage('1, 2, 3……')).toBeUndefined();
    expect(detectLanguage('—— ?! 42')).toBeUndefined();
  });
});
