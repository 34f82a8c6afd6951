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
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readerPath, sharePath } from '../lib/address.ts';
import { same } from '../lib/localized.ts';
import { sharePage } from '../lib/share.ts';
import { turnId } from '../lib/turn-id.ts';
import { KeptFiles } from './kept-files.ts';
import { readRecords } from './search-index.ts';

export interface SharePagesOptions {
  /** The site's name (duet.config.ts `title`). */
  siteName: string;
}

export function sharePages({ siteName }: SharePagesOptions): AstroIntegration {
  let base = '/';
  let site: URL | undefined;
  let cacheDir = '';
  return {
    name: 'duet-share-pages',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = fileURLToPath(config.cacheDir);
        site = config.site ? new URL(config.site) : undefined;
        if (!site) {
          logger.warn(
            'no site URL, so pages carry no canonical address or og:url and there is no sitemap or feed: set site in duet.config.ts, or build with --site https://example.org',
          );
        }
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const { pages, written } = writeSharePages(fileURLToPath(dir), cacheDir, {
          siteName,
          base,
          site,
        });
        const seconds = (performance.now() - started) / 1000;
        logger.info(`${pages} share pages (${written} written) in ${seconds.toFixed(1)} s`);
      },
    },
  };
}

/**
 * Writes the share page of every turn of every record under `root`, kept
 * from one build to the next (kept-files.ts), so a rebuild writes only the
 * pages whose text changed; returns how many there are and how many were written.
 */
export function writeSharePages(
  root: string,
  cacheDir: string,
  { siteName, base, site }: SharePagesOptions & { base: string; site?: URL | undefined },
): { pages: number; written: number } {
  const icon = `${base}favicon.svg`;
  const kept = new KeptFiles(cacheDir, 'share-pages', root);
  let pages = 0;
  for (const { record } of readRecords(root)) {
    const { slug, title, names, turns } = record;
    const reader = `${base}${readerPath(slug)}`;
    for (const { turn, speaker, zh, en } of turns) {
      const own = `${base}${sharePath(slug, turn)}`;
      const html = sharePage(
        { title, turn, speaker: names[speaker] ?? same(speaker), zh, en },
        {
          siteName,
          reader: `${reader}#${turnId(turn)}`,
          canonical: site && new URL(own, site).href,
          icon,
        },
      );
      kept.write(`${sharePath(slug, turn)}index.html`, html);
      pages++;
    }
  }
  kept.finish();
  return { pages, written: kept.changed };
}
