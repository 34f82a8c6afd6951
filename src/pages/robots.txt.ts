/**
 * `<base>robots.txt`: every page may be crawled, and the sitemap
 * (@astrojs/sitemap's index, written only when there is a site URL) is named.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/address.ts';

const sitemap = absoluteUrl('sitemap-index.xml');

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`);
