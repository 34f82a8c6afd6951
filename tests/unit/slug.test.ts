import { describe, expect, it } from 'vitest';
import {
  checkFileNames,
  isNearTranscriptName,
  SLUG,
  suggestSlug,
  titleFromSlug,
} from '../../src/lib/transcript/slug.ts';
import { closestMatch } from '../../src/lib/transcript/suggest.ts';

describe('slugs', () => {
  it('turns a slug into a title', () => {
    expect(titleFromSlug('ai-panel')).toBe('Ai panel');
    expect(titleFromSlug('2024-q3-review')).toBe('2024 q3 review');
  });

  it('accepts a-z, 0-9 and - only', () => {
    expect(SLUG.test('ai-panel-2')).toBe(true);
    expect(SLUG.test('AI-panel')).toBe(false);
    expect(SLUG.test('ai_panel')).toBe(false);
    // A name of hyphens alone would have neither a title nor a readable address.
    expect(SLUG.test('-')).toBe(false);
    expect(SLUG.test('--')).toBe(false);
    expect(SLUG.test('-a-')).toBe(true);
    expect(suggestSlug('My Panel (2024)')).toBe('my-panel-2024');
  });
});

describe('closestMatch', () => {
  it('suggests a field for a typo, swapped letters included', () => {
    expect(closestMatch('titel', ['title', 'date'])).toBe('title');
    expect(closestMatch('speaker', ['title', 'speakers'])).toBe('speakers');
    expect(closestMatch('colour', ['title', 'date'])).toBeUndefined();
  });

  it('measures words in lower case, which can be longer than they are written', () => {
    // `İ` lower-cases to two code units: the word must still fit the table it is measured in.
    const written = 'İ'.repeat(40);
    expect(closestMatch(`${written}x`, [`${written.toLowerCase()}y`])).toBe(
      `${written.toLowerCase()}y`,
    );
    expect(closestMatch(`${'İ'.repeat(99)}x`, [`${'i̇'.repeat(99)}y`])).toBeUndefined();
  });
});

describe('checkFileNames', () => {
  it('suggests a slug for a name that is not one, unused by any other file', () => {
    expect(checkFileNames(['My Panel.md', 'my-panel.md', 'my_panel.md', 'ok.md'])).toEqual([
      {
        name: 'My Panel.md',
        message:
          "the file name `My Panel.md` is not a valid slug, and `my-panel.md`, the name it would become, is another transcript's: both would be served at /my-panel/; rename this file with only a-z, 0-9 and -, to a name no other file has, e.g. `my-panel-2.md`, or merge the two if they are the same transcript",
      },
      {
        name: 'my_panel.md',
        message:
          "the file name `my_panel.md` is not a valid slug, and `my-panel.md`, the name it would become, is another transcript's: both would be served at /my-panel/; rename this file with only a-z, 0-9 and -, to a name no other file has, e.g. `my-panel-3.md`, or merge the two if they are the same transcript",
      },
    ]);
  });

  it('refuses a name whose address is the site glossary’s', () => {
    expect(checkFileNames(['glossary.md', 'glossary-panel.md'])).toEqual([
      {
        name: 'glossary.md',
        message:
          "the file name `glossary.md` would serve this transcript at /glossary/, the address of the site's glossary: rename it, e.g. `glossary-panel-2.md`",
      },
    ]);
  });

  it('tells of a name that would be a transcript’s but for its ending, and of no other', () => {
    expect(['a.MD', 'a.Md', 'a.markdown', 'A.MARKDOWN'].every(isNearTranscriptName)).toBe(true);
    expect(['a.md', 'a.txt', 'a.mdx', 'md', 'README'].some(isNearTranscriptName)).toBe(false);
    expect(checkFileNames(['notes.txt', 'talk.md', 'Talk.MD', 'x.markdown'])).toEqual([
      {
        name: 'Talk.MD',
        message:
          "the file `Talk.MD` is not read as a transcript: a transcript's name ends in `.md`, in lower case; rename it `talk-2.md` (`talk.md` is another transcript's), or move it out of this folder if it is not a transcript",
      },
      {
        name: 'x.markdown',
        message:
          "the file `x.markdown` is not read as a transcript: a transcript's name ends in `.md`, in lower case; rename it `x.md`, or move it out of this folder if it is not a transcript",
      },
    ]);
  });
});
