import { defineConfig } from 'astro/config';

export default defineConfig({
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
