import { defineConfig } from 'astro/config';
import { searchIndex } from './src/integrations/search-index.ts';

export default defineConfig({
  build: {
    format: 'directory',
    // The CSS is a few kilobytes: inlined, the first paint waits for no second request.
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  integrations: [searchIndex()],
});
