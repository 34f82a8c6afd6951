import { defineConfig } from 'astro/config';

export default defineConfig({
  // Every address ends in a slash: /<slug>/ and /<slug>/#turn-N.
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
