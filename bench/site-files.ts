/**
 * What a build gives a host: its files and bytes, in three parts (the share
 * pages, a file per turn; the search index, `search/`; the rest), since
 * hosts limit both (the README's "Publishing" says what each allows); and
 * the pages of the site's glossary, `/glossary/` and a page per initial,
 * each of which a reader loads whole.
 */
import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipBytes, kilobytes, megabytes } from './units.ts';
import { markdownTable } from './table.ts';
import type { SizeResult } from './results.ts';

export interface Files {
  files: number;
  bytes: number;
}

export interface SiteFiles extends Files {
  /** `/<slug>/turn-N/index.html`: as many as the site has turns, or none (duet.config.ts `sharePages`). */
  sharePages: Files;
  /** `search/`: the site index's files. */
  search: Files;
  /** Every other file: the pages, each transcript's reading aids, the scripts. */
  rest: Files;
}

export interface GlossaryPages {
  /** The index and the pages of initials. */
  pages: number;
  /** The largest of them, gzip: the most a reader loads for one. */
  largest: { path: string; raw: number; gzip: number };
}

const SHARE_PAGE = /^[^/]+\/turn-\d+\/index\.html$/;
const GLOSSARY_PAGE = /^glossary\/(?:[^/]+\/){0,2}index\.html$/;

/** Every file below `folder`, by path relative to it with `/`, with its size. */
async function filesUnder(folder: string): Promise<{ file: string; bytes: number }[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      const file = path.relative(folder, absolute).split(path.sep).join('/');
      return { file, bytes: statSync(absolute).size };
    });
}

export async function measureSite(folder: string): Promise<{
  dist: SiteFiles;
  glossary: GlossaryPages | undefined;
}> {
  const all = await filesUnder(folder);
  const sum = (files: readonly { bytes: number }[]): Files => ({
    files: files.length,
    bytes: files.reduce((total, { bytes }) => total + bytes, 0),
  });
  const share = all.filter(({ file }) => SHARE_PAGE.test(file));
  const search = all.filter(({ file }) => file.startsWith('search/'));
  const rest = all.filter(({ file }) => !SHARE_PAGE.test(file) && !file.startsWith('search/'));

  let glossary: GlossaryPages | undefined;
  for (const { file } of all.filter(({ file }) => GLOSSARY_PAGE.test(file))) {
    const html = await readFile(path.join(folder, file));
    const gzip = gzipBytes(html);
    const page = `/${file.replace(/index\.html$/, '')}`;
    if (!glossary) glossary = { pages: 0, largest: { path: page, raw: html.length, gzip } };
    glossary.pages++;
    if (gzip > glossary.largest.gzip) glossary.largest = { path: page, raw: html.length, gzip };
  }
  return {
    dist: { ...sum(all), sharePages: sum(share), search: sum(search), rest: sum(rest) },
    glossary,
  };
}

/**
 * One row per size: the site's files and bytes, in parts, and per transcript;
 * the rest's bytes per transcript (each transcript's pages and reading aids,
 * mostly) say what a site of another size would take.
 */
export function filesTable(sizes: readonly Pick<SizeResult, 'transcripts' | 'dist'>[]): string {
  const part = ({ files, bytes }: Files) => `${files.toLocaleString('en')} (${megabytes(bytes)})`;
  return markdownTable(
    [
      'N',
      'files (bytes)',
      'share pages',
      'search index',
      'the rest',
      'the rest per transcript',
      'files per transcript',
    ],
    sizes.map(({ transcripts, dist }) => [
      transcripts.toLocaleString('en'),
      part(dist),
      part(dist.sharePages),
      part(dist.search),
      part(dist.rest),
      kilobytes(dist.rest.bytes / transcripts),
      (dist.files / transcripts).toFixed(1),
    ]),
  );
}

/** One row per size: the glossary's pages, and the largest. */
export function glossaryTable(
  sizes: readonly Pick<SizeResult, 'transcripts' | 'glossary'>[],
): string {
  return markdownTable(
    ['N', 'glossary pages', 'largest', 'largest gz'],
    sizes.map(({ transcripts, glossary }) => [
      transcripts.toLocaleString('en'),
      String(glossary?.pages ?? 0),
      glossary ? `${glossary.largest.path} (${kilobytes(glossary.largest.raw)})` : '–',
      glossary ? kilobytes(glossary.largest.gzip) : '–',
    ]),
  );
}
