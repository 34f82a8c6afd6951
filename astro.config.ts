import { defineConfig } from 'astro/config';
import settings from './duet.config.ts';
import sitemap from '@astrojs/sitemap';
import { contentSecurityPolicy, securityHeaders } from './src/integrations/csp.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { sharePages } from './src/integrations/share-pages.ts';
import { chunkUrl } from './src/integrations/chunk-url.ts';
import { codeVersion } from './src/integrations/code-version.ts';
import { keptOutput } from './src/integrations/kept-files.ts';
import type { Settings } from './src/lib/settings.ts';

/**
 * Astro's config for a site with these settings: duet.config.ts's, or a
 * test build's own (tests/support/astro-build.ts builds the test corpus
 * without share pages this way).
 */
export function siteConfig({ site, base, title, sharePages: withSharePages }: Settings) {
  return defineConfig({
    // From the settings; Astro's --site and --base flags win over them.
    ...(site && { site }),
    base,
    build: {
      format: 'directory',
      // The CSS is a few kilobytes: inlined, the first paint waits for no second request.
      inlineStylesheets: 'always',
    },
    vite: {
      plugins: [chunkUrl()],
      define: {
        // Part of every page's key for the incremental build (src/integrations/code-version.ts).
        'import.meta.env.DUET_CODE_VERSION': JSON.stringify(codeVersion(import.meta.dirname)),
        // What "Copy link" copies (src/client/reader.ts): a value here, so the page carries one branch.
        'import.meta.env.DUET_SHARE_PAGES': JSON.stringify(withSharePages),
      },
    },
    devToolbar: { enabled: false },
    server: { host: '127.0.0.1' },
    // The output kept between builds first (its stale files go before anything reads it); the
    // share pages are written from the search records, which the search index then removes.
    integrations: [
      keptOutput(),
      sitemap(),
      sharePages({ siteName: title, enabled: withSharePages }),
      searchIndex(),
      securityHeaders(),
    ],
    // Every page's scripts and styles by their hashes: no inline code of anyone else's, no other host.
    security: { csp: contentSecurityPolicy() },
    // Duet's own parser renders the transcripts; Astro's Markdown has no code to highlight, and
    // its highlighter (Shiki) would write inline styles the policy forbids.
    markdown: { syntaxHighlight: false },
    // A page whose cache key (src/collection/transcripts.ts) and code are those of the last
    // build is copied from it instead of rendered again: a rebuild renders what changed.
    experimental: { incrementalBuild: true },
  });
}

export default siteConfig(settings);
