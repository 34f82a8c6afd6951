/**
 * What a reader's browser fetches for a page before they touch it: every
 * script and stylesheet Chromium loads up to network idle, plus the
 * inline `<script>`s and `<style>`s of the HTML, each counted gzipped.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright';
import { gzipBytes } from './units.ts';

export interface HtmlBytes {
  raw: number;
  gzip: number;
}

export async function htmlBytes(file: string): Promise<HtmlBytes> {
  const html = await readFile(file);
  return { raw: html.length, gzip: gzipBytes(html) };
}

export interface AssetBytes {
  /** Sum of each file's gzip size, plus the gzip size of the inline code joined. */
  gzip: number;
  raw: number;
  /** The files loaded, as paths, and `inline` when the HTML has some. */
  sources: string[];
}

export interface FirstView {
  js: AssetBytes;
  css: AssetBytes;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
/** Inline scripts the browser runs; JSON data blocks are not code. */
const SCRIPT_TYPE = /\btype\s*=\s*["']?(module|text\/javascript|application\/javascript)\b/i;

export async function measureFirstView(browser: Browser, url: string): Promise<FirstView> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const loads: Promise<{ kind: 'js' | 'css'; source: string; body: Buffer }>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      const kind = type === 'script' ? 'js' : 'css';
      const source = new URL(response.url()).pathname;
      loads.push(response.body().then((body) => ({ kind, source, body })));
    });
    const document = await page.goto(url, { waitUntil: 'networkidle' });
    if (!document?.ok()) throw new Error(`${url} answered ${document?.status()}`);
    const html = await document.text();

    const view: FirstView = {
      js: { gzip: 0, raw: 0, sources: [] },
      css: { gzip: 0, raw: 0, sources: [] },
    };
    for (const { kind, source, body } of await Promise.all(loads)) {
      view[kind].gzip += gzipBytes(body);
      view[kind].raw += body.length;
      view[kind].sources.push(source);
    }
    const inlineJs = [...html.matchAll(INLINE_SCRIPT)]
      .filter(([, attributes = '']) => !/\bsrc\s*=/i.test(attributes))
      .filter(
        ([, attributes = '']) => !/\btype\s*=/i.test(attributes) || SCRIPT_TYPE.test(attributes),
      )
      .map(([, , code = '']) => code);
    const inlineCss = [...html.matchAll(INLINE_STYLE)].map(([, code = '']) => code);
    addInline(view.js, inlineJs);
    addInline(view.css, inlineCss);
    return view;
  } finally {
    await context.close();
  }
}

function addInline(bytes: AssetBytes, pieces: string[]): void {
  const code = pieces.join('\n');
  if (!code.trim()) return;
  bytes.gzip += gzipBytes(code);
  bytes.raw += Buffer.byteLength(code);
  bytes.sources.push('inline');
}
