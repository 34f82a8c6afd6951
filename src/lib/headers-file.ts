/**
 * The `_headers` file of the built site, for hosts that read one (Netlify,
 * Cloudflare Pages): a rule is a path pattern (`*` matching anything) and
 * the headers served with every file it matches.
 *
 * No two rules set the same header for one file: where two rules match,
 * Netlify serves the more specific one's value and Cloudflare Pages joins
 * both values with a comma, so overlapping `Cache-Control`s would read as
 * one contradictory header there. Hence no `Cache-Control` for `/*`: HTML
 * keeps both hosts' default, `public, max-age=0, must-revalidate`, which is
 * what it should have (a page's address stays while its content changes).
 */
import { TRADITIONAL_TABLE } from './reading-aids/format.ts';
import { SEARCH_BUNDLE } from './search/bundle.ts';
import { ALIAS_FOLDER } from './search/pinyin/aliases.ts';
import { MANIFEST, VERSIONED_FOLDERS } from './search/site-index/format.ts';

/** For files whose address names their content: a year, never revalidated. */
export const CACHE_FOREVER = 'public, max-age=31536000, immutable';
/** For files whose address stays while their content changes: asked again each time. */
export const CACHE_REVALIDATE = 'public, max-age=0, must-revalidate';

export interface HeadersFileOptions {
  /** The site's base path as Astro's `base` gives it: `/`, `/some/path` or `/some/path/`. */
  base: string;
  /** The folder of Astro's hashed assets under the base (Astro's `build.assets`). */
  assets: string;
  /** The Content-Security-Policy served with every file. */
  policy: string;
}

interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

function headerRules({ base, assets, policy }: HeadersFileOptions): HeaderRule[] {
  const root = base.replace(/\/+$/, '');
  const search = `${root}/${SEARCH_BUNDLE}`;
  return [
    { pattern: `${root}/*`, headers: [['Content-Security-Policy', policy]] },
    { pattern: `${root}/${assets}/*`, headers: [['Cache-Control', CACHE_FOREVER]] },
    { pattern: `${search}/${MANIFEST}`, headers: [['Cache-Control', CACHE_REVALIDATE]] },
    // The site index's files are fetched as `<path>?v=<version>`, the version a digest of the
    // whole index, so one address always means one content: all but the manifest, which names
    // the version. The search's table of Traditional characters and pinyin aliases are fetched
    // with it too.
    { pattern: `${search}/${TRADITIONAL_TABLE}`, headers: [['Cache-Control', CACHE_FOREVER]] },
    ...[...VERSIONED_FOLDERS, ALIAS_FOLDER].map((folder): HeaderRule => ({
      pattern: `${search}/${folder}/*`,
      headers: [['Cache-Control', CACHE_FOREVER]],
    })),
  ];
}

export function headersFile(options: HeadersFileOptions): string {
  return headerRules(options)
    .map(({ pattern, headers }) =>
      [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
    )
    .join('\n')
    .concat('\n');
}
