/**
 * A small static server for a built site, as a static host serves it:
 * `index.html` for a folder, a redirect from `/slug` to `/slug/`,
 * `404.html` with status 404 for anything else, gzip for text when the
 * browser accepts it (Lighthouse counts transfer sizes, and every real
 * host compresses), at the level every other size in the bench is counted
 * at, and a single byte range of a file when asked for one (206), as
 * GitHub Pages, Netlify and Cloudflare Pages send it: the search index
 * reads its binary files so, and a browser seeks in a recording so. It
 * listens on a free port of 127.0.0.1.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GZIP_LEVEL, gzipBytes } from './units.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

/** The bytes of a response body of `type` as this server sends it: gzipped for text. */
export function bytesSent(type: string, body: Uint8Array): number {
  return COMPRESSIBLE.test(type) ? gzipBytes(body) : body.length;
}

/** What the server sent for one request: its path and the bytes of its body as sent. */
export interface Served {
  pathname: string;
  status: number;
  type: string;
  bytes: number;
}

export interface ServeOptions {
  /** Told of every response, once its body is sent. */
  onServed?: (served: Served) => void;
  /**
   * Milliseconds each response waits before it is sent: a distant host's
   * round trip, so the rounds of requests a page waits for show in its
   * times (bench/rounds.ts). None by default.
   */
  delay?: number;
}

export interface Server {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

export async function serve(folder: string, options: ServeOptions = {}): Promise<Server> {
  const root = path.resolve(folder);
  const server = createServer(async (request, response) => {
    if (options.delay) await new Promise((resolve) => setTimeout(resolve, options.delay));
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path.join(root, pathname);
    let status = 200;
    if (!file.startsWith(root)) file = path.join(root, '404.html');
    const found = await stat(file).catch(() => undefined);
    if (found?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    let body = await readFile(file).catch(() => undefined);
    if (!body) {
      status = 404;
      file = path.join(root, '404.html');
      body = await readFile(file).catch(() => Buffer.from('Not found'));
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = {
      'content-type': type,
      'accept-ranges': 'bytes',
    };
    // `bytes=N-M`, `bytes=N-` (how a browser asks for a recording, to seek in it) or `bytes=-N`.
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (range && (range[1] || range[2]) && status === 200) {
      const last = body.length - 1;
      const start = range[1] ? Number(range[1]) : Math.max(0, body.length - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), last) : last;
      if (start > end) {
        response.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
        return;
      }
      headers['content-range'] = `bytes ${start}-${end}/${body.length}`;
      body = body.subarray(start, end + 1);
      status = 206;
    } else if (
      COMPRESSIBLE.test(type) &&
      /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
    ) {
      body = gzipSync(body, { level: GZIP_LEVEL });
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : body);
    options.onServed?.({ pathname, status, type, bytes: body.length });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
