/**
 * A transcript's `media`: a file a browser plays, a video's page, or what
 * is wrong with it (src/lib/media.ts), and the build's check that a path
 * under the site names a file the site serves.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyMedia, mediaAt, type MediaFile, type MediaPage } from '../../src/lib/media.ts';
import { siteFilesIn } from '../../src/lib/transcript/files.ts';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';

const kindOf = (value: string) => {
  const media = classifyMedia(value);
  return media.kind === 'file' ? media.element : media.kind;
};

describe('a media value', () => {
  it('is a file by its extension, in the element it plays in, on the web or under the site', () => {
    expect(
      [
        'https://example.com/panel.mp3',
        'http://example.com/a/panel.M4A?download=1#x',
        '/media/panel.opus',
        'https://cdn.example.com/v/panel.webm',
        '/media/talk.mp4',
      ].map(kindOf),
    ).toEqual(['audio', 'audio', 'audio', 'video', 'video']);
    expect(classifyMedia('/media/my%20talk.mp3')).toEqual({
      kind: 'file',
      address: '/media/my%20talk.mp3',
      element: 'audio',
      sitePath: '/media/my talk.mp3',
    });
    expect(classifyMedia('https://example.com/panel.mp3')).not.toHaveProperty('sitePath');
  });

  it('is a video page on YouTube or Bilibili, whatever its file name says', () => {
    expect(
      [
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        'https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=x',
        'https://youtu.be/dQw4w9WgXcQ?si=abc',
        'https://www.youtube.com/live/dQw4w9WgXcQ',
        'https://www.bilibili.com/video/BV1xx411c7mD/?p=2',
        'https://www.bilibili.com/video/av170001',
      ].map((value) => classifyMedia(value)),
    ).toEqual([
      expect.objectContaining({ kind: 'page', site: 'YouTube' }),
      expect.objectContaining({ kind: 'page', site: 'YouTube' }),
      expect.objectContaining({ kind: 'page', site: 'YouTube' }),
      expect.objectContaining({ kind: 'page', site: 'YouTube' }),
      expect.objectContaining({ kind: 'page', site: 'Bilibili' }),
      expect.objectContaining({ kind: 'page', site: 'Bilibili' }),
    ]);
  });

  it.each([
    ['javascript:alert(1)', /^is a `javascript:` address, which a page may not play: write/],
    ['data:audio/mpeg;base64,SUQz', /^is a `data:` address/],
    ['file:///home/me/panel.mp3', /^is a `file:` address/],
    ['ftp://example.com/panel.mp3', /^is a `ftp:` address/],
    ['media/panel.mp3', /^is not an address: write .* or its path under the site/],
    ['//cdn.example.com/panel.mp3', /^is not an address/],
    [
      'https://example.com/panel.mov',
      /^names a `\.mov` file, a type not every browser plays: .*\.mp3.*\.mp4/,
    ],
    ['/media/panel.WMA', /^names a `\.wma` file/],
    ['https://example.com/stream?id=3', /^names no file type: /],
    ['https://www.youtube.com/@duet', /^is a YouTube address but not a video's page: .*watch\?v=/],
    ['https://www.bilibili.com/', /^is a Bilibili address but not a video's page/],
    ['/media/100%.mp3', /^holds a `%` that starts no escape/],
  ])('%s is refused, saying why and what to write', (value, problem) => {
    const media = classifyMedia(value);
    expect(media.kind).toBe('invalid');
    expect(media.kind === 'invalid' && media.problem).toMatch(problem);
  });

  it('is refused at its line in the front matter, as every other field', () => {
    const result = parseTranscript(
      '---\ntitle: T\nmedia: javascript:alert(1)\n---\n**A:** 你好。\n**A:** Hi.\n',
      { file: 'x.md', slug: 'x' },
    );
    expect(result.ok ? [] : result.problems.map(({ line, message }) => [line, message])).toEqual([
      [3, expect.stringMatching(/^front matter field `media` is a `javascript:` address/)],
    ]);
  });
});

describe('a time in the recording', () => {
  const at = (value: string, seconds: number) =>
    mediaAt(classifyMedia(value) as MediaFile | MediaPage, seconds);

  it('is a media fragment on a file, in place of any fragment it had', () => {
    expect(at('/media/panel.mp3', 754)).toBe('/media/panel.mp3#t=754');
    expect(at('https://example.com/panel.mp4?v=2#old', 15.5)).toBe(
      'https://example.com/panel.mp4?v=2#t=15.5',
    );
  });

  it("is the site's own parameter on a video page, in whole seconds, keeping the rest", () => {
    expect(at('https://www.youtube.com/watch?v=abc&list=x', 754.5)).toBe(
      'https://www.youtube.com/watch?v=abc&list=x&t=754s',
    );
    expect(at('https://youtu.be/abc?t=3', 62)).toBe('https://youtu.be/abc?t=62s');
    expect(at('https://www.bilibili.com/video/BV1xx411c7mD/?p=2', 62)).toBe(
      'https://www.bilibili.com/video/BV1xx411c7mD/?p=2&t=62',
    );
  });
});

describe("the site's files", () => {
  const root = process.cwd();
  const files = siteFilesIn(path.join(root, 'public'), root);

  it('hold the files of public/, and nothing beside or above it', () => {
    expect(files.folder).toBe('public');
    expect(files.has('/favicon.svg')).toBe(true);
    expect(files.has('/no-such-file.mp3')).toBe(false);
    expect(files.has('/')).toBe(false);
    expect(files.has('/../package.json')).toBe(false);
    expect(files.has('/media/../../package.json')).toBe(false);
  });
});
