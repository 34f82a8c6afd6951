/**
 * `import url from './module.ts?chunk-url'`: the address of `module.ts`
 * built as a chunk of its own, for a script to `import(url)` on first use.
 *
 * Why not a plain `import('./module.ts')`: Vite wraps every dynamic import
 * of the browser build in a preload helper of about 0.6 KB (gzip), and
 * Astro inlines a page's script only when it has no imports at all. The
 * search field's script runs on every first view, so with a plain dynamic
 * import it is a request of 1.4 KB; with this, it is half a kilobyte inside
 * the page. The chunk is emitted with the bundler's own `emitFile`, and its
 * address is Vite's, under the site's base. In dev, the module's own path,
 * which Vite's server transforms on request.
 */
import type { Plugin } from 'vite';

const SUFFIX = '?chunk-url';
const PREFIX = '\0chunk-url:';

export function chunkUrl(): Plugin {
  let serving = false;
  return {
    name: 'duet:chunk-url',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer);
      return resolved ? PREFIX + resolved.id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length);
      // The server's build only renders pages: it never runs the browser's scripts.
      if (serving || this.environment.config.consumer !== 'client') {
        return `export default ${JSON.stringify(`/@fs${file}`)};`;
      }
      const reference = this.emitFile({ type: 'chunk', id: file });
      // Rolldown's name for the placeholder, not Rollup's: Astro's incremental build hashes a
      // page's modules with Rolldown's placeholders resolved to the chunks' final names. Rollup's
      // stayed as they were, and their references, numbered in the order the chunks happen to be
      // emitted, could swap from one build to the next: every page that loads a chunk this way
      // (the readers, the glossaries) was then rendered again in a rebuild.
      return `export default import.meta.ROLLDOWN_FILE_URL_${reference};`;
    },
  };
}
