import { describe, expect, it } from 'vitest';
import {
  mediaDirective,
  readCue,
  recordingOf,
  timeAddress,
  type Recording,
  type RecordingFile,
} from '../../src/lib/recording.ts';

const underBase = (path: string) => `/sub/duet/${path.replace(/^\/+/, '')}`;
const read = (media: string) => recordingOf(media, underBase);

describe('what a transcript’s media is to its reader', () => {
  it('plays a file of the site under the base, audio or video by its extension', () => {
    expect(read('/media/panel.mp3')).toEqual({ kind: 'audio', src: '/sub/duet/media/panel.mp3' });
    expect(read('/media/Talk.WebM')).toEqual({ kind: 'video', src: '/sub/duet/media/Talk.WebM' });
  });

  it('plays a file on another host, whose origin the page’s policy allows', () => {
    expect(read('https://cdn.example.org/a/panel.m4a?v=2')).toEqual({
      kind: 'audio',
      src: 'https://cdn.example.org/a/panel.m4a?v=2',
      origin: 'https://cdn.example.org',
    });
  });

  it('links to a video on YouTube or Bilibili, never playing it', () => {
    for (const href of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://www.bilibili.com/video/BV1GJ411x7h7',
    ]) {
      expect(read(href)?.kind, href).toBe('page');
    }
  });

  it('knows nothing of any other address', () => {
    for (const media of [
      '/media/notes.pdf',
      'https://example.org/talk',
      'https://www.youtube.com/channel/x',
      'https://www.bilibili.com/read/cv1',
    ]) {
      expect(read(media), media).toBeUndefined();
    }
  });
});

describe('where a turn’s time links', () => {
  const file = read('/media/panel.mp3')!;
  it('to the file at that time, by a media fragment', () => {
    expect(timeAddress(file, 754)).toBe('/sub/duet/media/panel.mp3#t=754');
    expect(timeAddress(file, 3723.5)).toBe('/sub/duet/media/panel.mp3#t=3723.5');
  });

  it('to the video’s page at that time, in whole seconds as each site takes it', () => {
    const at = (href: string) => timeAddress(read(href) as Recording, 754.5);
    expect(at('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s',
    );
    expect(at('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5s')).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s',
    );
    expect(at('https://youtu.be/dQw4w9WgXcQ')).toBe('https://youtu.be/dQw4w9WgXcQ?t=754s');
    expect(at('https://www.bilibili.com/video/BV1GJ411x7h7/')).toBe(
      'https://www.bilibili.com/video/BV1GJ411x7h7/?t=754',
    );
  });
});

describe('the page’s media policy', () => {
  it('allows the site, and a file’s own origin where it is another', () => {
    expect(mediaDirective(read('/media/panel.mp3') as RecordingFile)).toBe("media-src 'self'");
    expect(mediaDirective(read('https://cdn.example.org/panel.mp3') as RecordingFile)).toBe(
      "media-src 'self' https://cdn.example.org",
    );
  });
});

describe('?t=', () => {
  it('cues seconds, or a time as a label writes it', () => {
    expect(['754', '754.5', '12:34', '1:02:03.5'].map(readCue)).toEqual([754, 754.5, 754, 3723.5]);
  });

  it('cues nothing else', () => {
    for (const value of ['', '-3', '12m', '1e3', '12:60'])
      expect(readCue(value), value).toBeUndefined();
  });
});
