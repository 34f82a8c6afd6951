/**
 * An Astro integration that writes every turn's share page,
 * `<site>/<slug>/turn-N/index.html` (src/lib/share.ts), once the site is
 * written, from the search records the build wrote for the search index
 * (src/pages/search_records/): so it must run before that integration,
 * which removes them. There are as many share pages as turns in the site,
 * 230,000 at 5,000 transcripts; written here, each costs a string and a
 * file, where an Astro route costs a page render and a page's worth of
 * Astro's bookkeeping (the README's "Publishing" has the numbers). With
 * the `sharePages` setting off it writes none, and removes those an
 * earlier build wrote.
 *
 * It also says, once, what a build without a site URL lacks.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readerPath, sharePath } from '../lib/address.ts';
import { same } from '../lib/localized.ts';
import { sharePage } from '../lib/share.ts';
import { turnId } from '../lib/turn-id.ts';
import { codeVersion } from './code-version.ts';
import { KeptFiles } from './kept-files.ts';
import { readRecords } from './search-index.ts';

export interface SharePagesOptions {
  /** The site's name (duet.config.ts `title`). */
  siteName: string;
  /** Whether to write them (duet.config.ts `sharePages`). */
  enabled: boolean;
}

export function sharePages({ siteName, enabled }: SharePagesOptions): AstroIntegration {
  let base = '/';
  let site: URL | undefined;
  let cacheDir = '';
  let code = '';
  return {
    name: 'duet-share-pages',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = fileURLToPath(config.cacheDir);
        code = codeVersion(fileURLToPath(config.root));
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
          enabled,
          base,
          site,
          code,
        });
        const seconds = (performance.now() - started) / 1000;
        logger.info(
          enabled
            ? `${pages} share pages (${written} written) in ${seconds.toFixed(1)} s`
            : 'no share pages: sharePages is off in duet.config.ts',
        );
      },
    },
  };
}

export interface WriteOptions extends SharePagesOptions {
  base: string;
  site?: URL | undefined;
  /** The version of the site's code (code-version.ts): a transcript's pages are kept while it is the same. */
  code: string;
}

/**
 * Writes the share page of every turn of every record under `root`, kept
 * from one build to the next (kept-files.ts): the pages of a transcript
 * whose record, settings and code are those of the last build are kept as
 * they are, not even made again, and of the others only those whose text
 * changed are written. Returns how many there are and how many were written.
 */
export function writeSharePages(
  root: string,
  cacheDir: string,
  { siteName, enabled, base, site, code }: WriteOptions,
): { pages: number; written: number } {
  const icon = `${base}favicon.svg`;
  const kept = new KeptFiles(cacheDir, 'share-pages', root);
  const made = createHash('sha1')
    .update(JSON.stringify([code, siteName, base, site?.href ?? '']))
    .digest('base64');
  let pages = 0;
  for (const { text, record } of enabled ? readRecords(root) : []) {
    const { slug, title, names, turns } = record;
    pages += turns.length;
    const source = createHash('sha1').update(made).update(text).digest('base64');
    if (kept.keep(slug, source)) continue;
    const reader = `${base}${readerPath(slug)}`;
    for (const { turn, speaker, zh, en, start } of turns) {
      const own = `${base}${sharePath(slug, turn)}`;
      const html = sharePage(
        { title, turn, speaker: names[speaker] ?? same(speaker), zh, en, start },
        {
          siteName,
          reader: `${reader}#${turnId(turn)}`,
          canonical: site && new URL(own, site).href,
          icon,
        },
      );
      kept.write(`${sharePath(slug, turn)}index.html`, html, slug);
    }
  }
  kept.finish();
  return { pages, written: kept.changed };
}
