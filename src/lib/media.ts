/**
 * What a transcript's `media` is (CONTRACT.md, Recording): a file a
 * browser plays, on the web or under the site; the page of a video on a
 * video site, linked to and never embedded; or neither, with why and what
 * to write instead. The front matter's schema refuses the last with that
 * reason (src/lib/transcript/schema.ts); the reader's player and its times
 * read the others. Pure: it runs in the build and in the browser.
 */

/** A recording a page can play itself, in the element its kind asks for. */
export interface MediaFile {
  kind: 'file';
  /** The address as written. */
  address: string;
  element: 'audio' | 'video';
  /**
   * For a path under the site (`/media/panel.mp3`), the file's path under
   * `public/`, its `%` escapes read (`/media/my talk.mp3`); absent for a
   * web address.
   */
  sitePath?: string;
}

/** A video's page on a video site: its times are links to it. */
export interface MediaPage {
  kind: 'page';
  /** The address as written. */
  address: string;
  site: VideoSite;
}

export interface InvalidMedia {
  kind: 'invalid';
  /** What is wrong and how to fix it, to follow the name of the field: "is …: write …". */
  problem: string;
}

export type Media = MediaFile | MediaPage | InvalidMedia;

export type VideoSite = 'YouTube' | 'Bilibili';

/**
 * File types that play in current Chrome, Firefox and Safari alike, by the
 * name's extension, and the element each plays in. Left out: `.mov` and
 * `.mkv` (they play only where the browser knows the codec inside),
 * `.ogv` (not in Safari), `.wma`, `.avi`, `.aiff`, `.amr` (in few or none).
 */
const PLAYABLE: Readonly<Record<string, MediaFile['element']>> = {
  mp3: 'audio',
  m4a: 'audio',
  aac: 'audio',
  oga: 'audio',
  ogg: 'audio',
  opus: 'audio',
  wav: 'audio',
  flac: 'audio',
  weba: 'audio',
  mp4: 'video',
  m4v: 'video',
  webm: 'video',
};

const listed = (element: MediaFile['element']) =>
  Object.keys(PLAYABLE)
    .filter((extension) => PLAYABLE[extension] === element)
    .map((extension) => `.${extension}`)
    .join(', ');

const ADDRESS_HINT =
  "write the recording's web address, starting with https://, or its path under the site, such as /media/panel.mp3 for the file public/media/panel.mp3";

const FILE_HINT = `a browser plays audio files ending in ${listed('audio')} and video files ending in ${listed('video')}`;

/** Sorts a `media` value into a file, a video page, or what is wrong with it. */
export function classifyMedia(value: string): Media {
  // `//host/…` and `/\host/…` are other hosts' addresses to a browser, not paths of this site.
  if (/^\/[^/\\]/.test(value)) {
    const { pathname } = new URL(value, 'https://site.invalid');
    let sitePath: string;
    try {
      sitePath = decodeURIComponent(pathname);
    } catch {
      return {
        kind: 'invalid',
        problem: `holds a \`%\` that starts no escape: write a space as %20 and a % itself as %25, or name the file without them`,
      };
    }
    return fileOf(value, pathname, sitePath);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'invalid', problem: `is not an address: ${ADDRESS_HINT}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      kind: 'invalid',
      problem: `is a \`${url.protocol}\` address, which a page may not play: ${ADDRESS_HINT}`,
    };
  }
  const site = videoSite(url);
  if (site === undefined) return fileOf(value, url.pathname);
  if (isVideoPage(url, site)) return { kind: 'page', address: value, site };
  return {
    kind: 'invalid',
    problem: `is a ${site} address but not a video's page: link the video itself, e.g. ${VIDEO_PAGE_EXAMPLE[site]}`,
  };
}

/**
 * The address that opens the recording at `seconds`: a file's with a media
 * fragment (`…/panel.mp3#t=754`), which a browser's player starts from; a
 * video page's with the site's own time parameter (YouTube `t=754s`,
 * Bilibili `t=754`, each in whole seconds). A path under the site stays
 * one: the caller puts the site's base path before it.
 */
export function mediaAt(media: MediaFile | MediaPage, seconds: number): string {
  if (media.kind === 'file') return `${media.address.replace(/#.*$/, '')}#t=${seconds}`;
  const url = new URL(media.address);
  const whole = Math.floor(seconds);
  url.searchParams.set('t', media.site === 'YouTube' ? `${whole}s` : String(whole));
  return url.href;
}

function fileOf(address: string, pathname: string, sitePath?: string): MediaFile | InvalidMedia {
  const name = pathname.slice(pathname.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const element = PLAYABLE[extension];
  if (element) {
    return { kind: 'file', address, element, ...(sitePath !== undefined && { sitePath }) };
  }
  const named =
    extension === ''
      ? 'names no file type'
      : `names a \`.${extension.replace(/[^\w-]/g, '?')}\` file, a type not every browser plays`;
  return {
    kind: 'invalid',
    problem: `${named}: ${FILE_HINT}; convert the recording to one of them, or link the video's page on YouTube or Bilibili`,
  };
}

const VIDEO_PAGE_EXAMPLE: Record<VideoSite, string> = {
  YouTube: 'https://www.youtube.com/watch?v=…',
  Bilibili: 'https://www.bilibili.com/video/BV…',
};

function videoSite({ hostname }: URL): VideoSite | undefined {
  const host = hostname.replace(/^(?:www|m|music)\./, '');
  if (host === 'youtube.com' || host === 'youtu.be') return 'YouTube';
  if (host === 'bilibili.com') return 'Bilibili';
  return undefined;
}

/** `youtube.com/watch?v=…`, `/live/…`, `/shorts/…`, `youtu.be/…`; `bilibili.com/video/BV…` or `av…`. */
function isVideoPage({ hostname, pathname, searchParams }: URL, site: VideoSite): boolean {
  if (site === 'Bilibili') return /^\/video\/(?:BV\w+|av\d+)\/?$/i.test(pathname);
  if (hostname === 'youtu.be') return /^\/[\w-]+\/?$/.test(pathname);
  if (pathname === '/watch') return Boolean(searchParams.get('v'));
  return /^\/(?:live|shorts)\/[\w-]+\/?$/.test(pathname);
}
