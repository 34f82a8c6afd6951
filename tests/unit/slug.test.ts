import { describe, expect, it } from 'vitest';
import { SLUG, suggestSlug, titleFromSlug } from '../../src/transcript/slug.ts';
import { closestMatch } from '../../src/transcript/suggest.ts';

describe('slugs', () => {
  it('turns a slug into a title', () => {
    expect(titleFromSlug('ai-panel')).toBe('Ai panel');
    expect(titleFromSlug('2024-q3-review')).toBe('2024 q3 review');
  });

  it('accepts a-z, 0-9 and - only', () => {
    expect(SLUG.test('ai-panel-2')).toBe(true);
    expect(SLUG.test('AI-panel')).toBe(false);
    expect(SLUG.test('ai_panel')).toBe(false);
    expect(suggestSlug('My Panel (2024)')).toBe('my-panel-2024');
  });
});

describe('closestMatch', () => {
  it('suggests a field for a typo, swapped letters included', () => {
    expect(closestMatch('titel', ['title', 'date'])).toBe('title');
    expect(closestMatch('speaker', ['title', 'speakers'])).toBe('speakers');
    expect(closestMatch('colour', ['title', 'date'])).toBeUndefined();
  });
});
