/**
 * Each page's Content-Security-Policy as Astro wrote it, cut to the hashes
 * of the page's own inline code (src/lib/csp.ts, keepOwnHashes). Runs as
 * the build renders each page.
 */
import { defineMiddleware } from 'astro:middleware';
import { hashSource } from './integrations/csp.ts';
import { keepOwnHashes } from './lib/csp.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = keepOwnHashes(await response.text(), hashSource);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
