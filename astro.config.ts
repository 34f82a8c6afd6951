import { defineConfig } from 'astro/config';
import { searchIndex } from './src/integrations/search-index.ts';

export default defineConfig({
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  integrations: [searchIndex()],
});
