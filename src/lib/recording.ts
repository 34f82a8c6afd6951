/**
 * What a transcript's `media` is to its reader (CONTRACT.md, Recording):
 * a file the page plays, audio or video by its name's extension, or the
 * page of a video on a video site, which the reader links to at a turn's
 * time and never embeds. Pure: the reader page and the tests read it alike.
 */
import { parseTime } from './transcript/times.ts';

/** A file the reader's own player plays. */
export interface RecordingFile {
  kind: 'audio' | 'video';
  /** The file's address as the page links it: an absolute URL, or a path under the site with the base. */
  src: string;
  /** The origin media comes from besides the site's own, for the page's policy; none for a file of the site. */
  origin?: string;
}

/** The page of a video on a video site. */
export interface VideoPage {
  kind: 'page';
  /** The page's address as written. */
  href: string;
  /** How the site takes a start time in the address: YouTube's `t=754s`, youtu.be's and Bilibili's `t=754`. */
  unit: '' | 's';
}

export type Recording = RecordingFile | VideoPage;

// What browsers play, by the extensions these files go by.
const AUDIO = /\.(?:mp3|m4a|aac|oga|ogg|opus|wav|flac|weba)$/i;
const VIDEO = /\.(?:mp4|m4v|webm|ogv|mov)$/i;

/** Where a YouTube or Bilibili video's page is, and how it takes a start time. */
function videoPage(url: URL): VideoPage | undefined {
  const host = url.hostname.replace(/^(?:www|m)\./, '');
  const href = url.href;
  if (host === 'youtube.com' && url.pathname === '/watch' && url.searchParams.get('v')) {
    return { kind: 'page', href, unit: 's' };
  }
  if (host === 'youtu.be' && /^\/[\w-]+$/.test(url.pathname))
    return { kind: 'page', href, unit: '' };
  if (host === 'bilibili.com' && /^\/video\/BV\w+\/?$/.test(url.pathname)) {
    return { kind: 'page', href, unit: '' };
  }
  return undefined;
}

/**
 * The recording `media` names, with `sitePath` giving a path under the
 * site its address under the base; undefined for an address that is
 * neither a file a browser plays nor a video page this knows (the build
 * tells the author about those).
 */
export function recordingOf(
  media: string,
  sitePath: (path: string) => string,
): Recording | undefined {
  const onSite = media.startsWith('/');
  const url = new URL(media, 'https://site.invalid');
  const kind = AUDIO.test(url.pathname) ? 'audio' : VIDEO.test(url.pathname) ? 'video' : undefined;
  if (onSite) return kind && { kind, src: sitePath(media) };
  if (kind) return { kind, src: url.href, origin: url.origin };
  return videoPage(url);
}

/**
 * Where a turn's time links: the file at that time by a media fragment
 * (`panel.mp3#t=754`), which a browser opens there without any script, or
 * the video's page at that time (`&t=754s`); whole seconds for a site.
 */
export function timeAddress(recording: Recording, seconds: number): string {
  if (recording.kind !== 'page') return `${recording.src.replace(/#.*/, '')}#t=${seconds}`;
  const url = new URL(recording.href);
  url.searchParams.set('t', `${Math.floor(seconds)}${recording.unit}`);
  return url.href;
}

/** The page's `media-src`: the site's own, and a file's origin where it is another. */
export function mediaDirective(recording: RecordingFile): string {
  return ["media-src 'self'", recording.origin].filter(Boolean).join(' ');
}

/** The reader's address parameter that cues the recording: `?t=754` or `?t=12:34`. */
export const CUE_PARAM = 't';

/** The time `?t=` cues, in seconds: a number of seconds, or a time as a label writes it; undefined for anything else. */
export function readCue(value: string): number | undefined {
  return /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : parseTime(value);
}
