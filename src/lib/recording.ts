/**
 * What a transcript's `media` is to its reader (CONTRACT.md, Recording):
 * a file the page plays, audio or video by its name's extension, or the
 * page of a video on a video site, which the reader links to at a turn's
 * time and never embeds. Pure: the reader page and the tests read it alike.
 */
import { classifyMedia, mediaAt, type MediaPage } from './media.ts';
import { parseTime } from './transcript/times.ts';

/** A file the reader's own player plays. */
export interface RecordingFile {
  kind: 'audio' | 'video';
  /** The file's address as the page links it: an absolute URL, or a path under the site with the base. */
  src: string;
  /** The origin media comes from besides the site's own, for the page's policy; none for a file of the site. */
  origin?: string;
}

export type Recording = RecordingFile | MediaPage;

/**
 * The recording `media` names, with `sitePath` giving a path under the
 * site its address under the base; undefined for a value the build
 * refuses (classifyMedia says why, and the schema tells the author).
 */
export function recordingOf(
  media: string,
  sitePath: (path: string) => string,
): Recording | undefined {
  const classified = classifyMedia(media);
  if (classified.kind !== 'file') return classified.kind === 'page' ? classified : undefined;
  const kind = classified.element;
  if (classified.sitePath !== undefined) return { kind, src: sitePath(media) };
  const url = new URL(media);
  return { kind, src: url.href, origin: url.origin };
}

/**
 * Where a turn's time links: the file at that time by a media fragment
 * (`panel.mp3#t=754`), which a browser opens there without any script, or
 * the video's page at that time (`&t=754s`).
 */
export function timeAddress(recording: Recording, seconds: number): string {
  if (recording.kind === 'page') return mediaAt(recording, seconds);
  return mediaAt({ kind: 'file', address: recording.src, element: recording.kind }, seconds);
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
