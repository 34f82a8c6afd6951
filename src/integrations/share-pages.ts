/**
 * An Astro integration that writes every turn's share page,
 * `<site>/<slug>/turn-N/index.html` (src/lib/share.ts), once the site is
 * written, from the search records the build wrote for the search index
 * (src/pages/search_records/): so it must run before that integration,
 * which removes them. There are as many share pages as turns in the site,
 * 230,000 at 5,000 transcripts; written here, each costs a string and a
 * file, where an Astro route costs a page render and a page's worth of
 * Astro's bookkeeping (the README's "Publishing" has the numbers).
 *
 * It also says, once, what a build without a site URL lacks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readerPath, sharePath } from '../lib/address.ts';
import { sharePage } from '../lib/share.ts';
import { turnId } from '../lib/turn-id.ts';
import { readRecords } from './search-index.ts';

export interface SharePagesOptions {
  /** The site's name (duet.config.ts `title`). */
  siteName: string;
}

export function sharePages({ siteName }: SharePagesOptions): AstroIntegration {
  let base = '/';
  let site: URL | undefined;
  return {
    name: 'duet-share-pages',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site ? new URL(config.site) : undefined;
        if (!site) {
          logger.warn(
            'no site URL, so pages carry no canonical address or og:url and there is no sitemap or feed: set site in duet.config.ts, or build with --site https://example.org',
          );
        }
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const count = writeSharePages(fileURLToPath(dir), { siteName, base, site });
        const seconds = (performance.now() - started) / 1000;
        logger.info(`${count} share pages in ${seconds.toFixed(1)} s`);
      },
    },
  };
}

/** Writes the share page of every turn of every record under `root`; returns how many. */
export function writeSharePages(
  root: string,
  { siteName, base, site }: SharePagesOptions & { base: string; site?: URL | undefined },
): number {
  const icon = `${base}favicon.svg`;
  let count = 0;
  for (const { slug, title, turns } of readRecords(root)) {
    const reader = `${base}${readerPath(slug)}`;
    for (const { turn, speaker, zh, en } of turns) {
      const own = `${base}${sharePath(slug, turn)}`;
      const folder = path.join(root, own.slice(base.length));
      mkdirSync(folder, { recursive: true });
      const html = sharePage(
        { title, turn, speaker, zh, en },
        {
          siteName,
          reader: `${reader}#${turnId(turn)}`,
          canonical: site && new URL(own, site).href,
          icon,
        },
      );
      writeFileSync(path.join(folder, 'index.html'), html);
      count++;
    }
  }
  return count;
}
