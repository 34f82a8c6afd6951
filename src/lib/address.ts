/**
 * Every address of the site, under the base path it is built for: Astro
 * gives it as `import.meta.env.BASE_URL` (`/` or `/some/path`, from
 * duet.config.ts or `--base`) to the pages and to the browser's code alike,
 * so no link escapes the base. `SITE` is the site URL, when one is set.
 */
import { turnId } from './turn-id.ts';

/** The base path with one slash at its end. */
export function basePath(): string {
  // Written out whole: Vite replaces `import.meta.env.BASE_URL` by the build's base where it sees it.
  const base = import.meta.env.BASE_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

/** A path of this site from its base: `''` is the home page, `ai-panel/` a reader page. */
export function sitePath(path = ''): string {
  return `${basePath()}${path.replace(/^\/+/, '')}`;
}

/** The reader page of a transcript, from the base: `ai-panel/`. */
export const readerPath = (slug: string) => `${slug}/`;

/**
 * Turn N's share page, from the base: `ai-panel/turn-12/`, whose preview
 * quotes the turn: the reader's path and the turn's id, as the reader's
 * "Copy link" (src/client/transcript-turns.ts) makes it too.
 */
export const sharePath = (slug: string, turn: number) => `${slug}/${turnId(turn)}/`;

/**
 * The absolute address of a path from the base: under the site URL, or
 * under `origin` (the page's own, in a browser) when no site URL is set;
 * undefined when there is neither.
 */
export function absoluteUrl(path: string, origin?: string): string | undefined {
  const root = import.meta.env.SITE || origin;
  return root ? new URL(sitePath(path), root).href : undefined;
}
