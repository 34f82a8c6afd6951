import { defineConfig } from 'astro/config';
import { searchIndex } from './src/integrations/search-index.ts';
import { chunkUrl } from './src/integrations/chunk-url.ts';
import { codeVersion } from './src/integrations/code-version.ts';

export default defineConfig({
  build: {
    format: 'directory',
    // The CSS is a few kilobytes: inlined, the first paint waits for no second request.
    inlineStylesheets: 'always',
  },
  vite: {
    plugins: [chunkUrl()],
    // Part of every page's key for the incremental build (src/integrations/code-version.ts).
    define: {
      'import.meta.env.DUET_CODE_VERSION': JSON.stringify(codeVersion(import.meta.dirname)),
    },
  },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  integrations: [searchIndex()],
  // A page whose cache key (src/collection/transcripts.ts) and code are those of the last
  // build is copied from it instead of rendered again: a rebuild renders what changed.
  experimental: { incrementalBuild: true },
});
