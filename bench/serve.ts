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
 *
 * It answers as quickly as a host's edge does, so that a page's time is
 * the page's: a range is read alone from its file, not the file whole (a
 * search reads ranges of a few hundred bytes from files of most of a
 * megabyte), and a file's compressed body is kept once made, as a CDN
 * keeps it, rather than compressed again at each request.
 */
import { createServer } from 'node:http';
import { open, readFile, stat } from 'node:fs/promises';
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

/** Compressed bodies kept, by path, with the size and time of the file they were made from. */
interface Compressed {
  size: number;
  mtimeMs: number;
  body: Buffer;
}

/** Past this many bytes of compressed bodies, the oldest are let go. */
const KEPT_COMPRESSED_BYTES = 64 * 1024 * 1024;

/** Bytes `start` to `end` (inclusive) of `file`, read alone. */
async function readRange(file: string, start: number, end: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(end - start + 1);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, start);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface Server {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

export async function serve(folder: string, options: ServeOptions = {}): Promise<Server> {
  const root = path.resolve(folder);
  const compressed = new Map<string, Compressed>();
  let compressedBytes = 0;
  /** The whole of `file`, as `found` describes it, gzipped: kept from an earlier request while the file is unchanged. */
  const gzipped = async (file: string, found: { size: number; mtimeMs: number }) => {
    const kept = compressed.get(file);
    if (kept && kept.size === found.size && kept.mtimeMs === found.mtimeMs) return kept.body;
    const body = gzipSync(await readFile(file), { level: GZIP_LEVEL });
    const made = { size: found.size, mtimeMs: found.mtimeMs, body };
    if (kept) compressedBytes -= kept.body.length;
    compressed.delete(file);
    compressed.set(file, made);
    compressedBytes += made.body.length;
    for (const [oldest, { body: dropped }] of compressed) {
      if (compressedBytes <= KEPT_COMPRESSED_BYTES) break;
      compressed.delete(oldest);
      compressedBytes -= dropped.length;
    }
    return made.body;
  };
  const server = createServer(async (request, response) => {
    if (options.delay) await new Promise((resolve) => setTimeout(resolve, options.delay));
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) file = path.join(root, '404.html');
    const found = await stat(file).catch(() => undefined);
    if (found?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    let status = 200;
    let size = await stat(file).then(
      (described) => (described.isFile() ? described : undefined),
      () => undefined,
    );
    if (!size) {
      status = 404;
      file = path.join(root, '404.html');
      size = await stat(file).catch(() => undefined);
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = {
      'content-type': type,
      'accept-ranges': 'bytes',
    };
    let body: Buffer;
    // `bytes=N-M`, `bytes=N-` (how a browser asks for a recording, to seek in it) or `bytes=-N`.
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (!size) {
      body = Buffer.from('Not found');
    } else if (range && (range[1] || range[2]) && status === 200) {
      const last = size.size - 1;
      const start = range[1] ? Number(range[1]) : Math.max(0, size.size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), last) : last;
      if (start > end) {
        response.writeHead(416, { 'content-range': `bytes */${size.size}` }).end();
        return;
      }
      headers['content-range'] = `bytes ${start}-${end}/${size.size}`;
      body = await readRange(file, start, end);
      status = 206;
    } else if (
      COMPRESSIBLE.test(type) &&
      /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
    ) {
      body = await gzipped(file, size);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    } else {
      body = await readFile(file);
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
