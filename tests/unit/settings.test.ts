import { describe, expect, it } from 'vitest';
import { defineSettings } from '../../src/lib/settings.ts';

/** The message a build stops with for these settings. */
function messageFor(input: Record<string, unknown>): string {
  try {
    defineSettings(input as Parameters<typeof defineSettings>[0]);
  } catch (error) {
    expect((error as Error).stack).toBe('');
    return (error as Error).message;
  }
  throw new Error('the settings were accepted');
}

describe('the site settings (duet.config.ts)', () => {
  it('fill in every field left out', () => {
    expect(defineSettings({})).toEqual({
      title: 'Duet',
      description: {
        en: expect.stringContaining('Chinese and English'),
        zh: expect.stringContaining('中英双语'),
      },
      base: '/',
      languageMode: 'both',
      sharePages: true,
    });
    expect(
      defineSettings({ site: 'https://example.org', base: '/duet', languageMode: 'zh' }),
    ).toMatchObject({
      site: 'https://example.org',
      base: '/duet',
      languageMode: 'zh',
    });
  });

  it('name the field of each mistake and how to fix it, all at once', () => {
    expect(messageFor({ site: 'example.org', base: 'duet', languageMode: 'fr', title: ' ' })).toBe(
      [
        "The site's settings are not valid:",
        'duet.config.ts: title: must not be empty',
        'duet.config.ts: site: must be a web address starting with https:// or http://, such as https://example.org',
        'duet.config.ts: base: must be a path starting with /, such as /duet (no spaces, ? or #)',
        'duet.config.ts: languageMode: must be one of zh, en, both',
      ].join('\n'),
    );
  });

  it('take the description in both languages, or one text for both', () => {
    expect(defineSettings({ description: 'About us' }).description).toEqual({
      en: 'About us',
      zh: 'About us',
    });
    expect(defineSettings({ description: { en: 'About us', zh: '关于我们' } }).description).toEqual(
      {
        en: 'About us',
        zh: '关于我们',
      },
    );
    expect(messageFor({ description: { en: 'About us', fr: 'À propos' } })).toBe(
      "The site's settings are not valid:\nduet.config.ts: description: must be text, or { en: …, zh: … } giving it in each language",
    );
  });

  it('suggest the field a misspelt one was meant to be', () => {
    expect(messageFor({ langaugeMode: 'zh' })).toBe(
      "The site's settings are not valid:\nduet.config.ts: langaugeMode: is not a setting: did you mean languageMode?",
    );
    expect(messageFor({ colour: 'red' })).toContain(
      'duet.config.ts: colour: is not a setting: the fields are title, description, site, base, languageMode, sharePages',
    );
  });

  it('take share pages on by default, off when asked, and nothing but true or false', () => {
    expect(defineSettings({}).sharePages).toBe(true);
    expect(defineSettings({ sharePages: false }).sharePages).toBe(false);
    expect(messageFor({ sharePages: 'no' })).toBe(
      "The site's settings are not valid:\nduet.config.ts: sharePages: must be true or false",
    );
  });
});
