/**
 * A reader page's first view against its floor (floor.ts): every request
 * Chromium makes for the page until the network is idle, and the bytes
 * of each response's body as the bench's server sends them (gzip at the
 * bench's level for text), for the page and for the floor page written
 * beside it. The ratio of the two is what `firstViewRatio` holds.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright';
import type { Transcript } from '../src/lib/transcript/schema.ts';
import { floorPage } from './floor.ts';
import { serve, type Served } from './serve.ts';
import { markdownTable } from './table.ts';
import { kilobytes } from './units.ts';

export interface Transfer {
  /** Bytes of every response body, as sent. */
  bytes: number;
  requests: number;
  /** Each response, in the order the server sent them. */
  served: Served[];
}

export interface FirstViewRow {
  /** The reader page's path, e.g. `/alignment-panel/`. */
  pathname: string;
  page: Transfer;
  floor: Transfer;
  /** page.bytes / floor.bytes */
  ratio: number;
}

/** The floor's own address in the folder it is written to. */
export const FLOOR_PATH = '/floor/';

/**
 * Loads `pathname` from a server of its own over `folder`, in a fresh
 * context (nothing cached), and counts what the server sent.
 */
export async function measureTransfer(
  browser: Browser,
  folder: string,
  pathname: string,
): Promise<Transfer> {
  const served: Served[] = [];
  const server = await serve(folder, { onServed: (response) => served.push(response) });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}${pathname}`, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`${pathname} answered ${response?.status()}`);
    return {
      bytes: served.reduce((sum, { bytes }) => sum + bytes, 0),
      requests: served.length,
      served: [...served],
    };
  } finally {
    await context.close();
    await server.close();
  }
}

/** Writes the floor page of `transcript` into a new temporary folder, served at FLOOR_PATH. */
export async function writeFloor(
  transcript: Transcript,
): Promise<{ folder: string; pathname: string }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'duet-floor-'));
  const file = path.join(folder, FLOOR_PATH, 'index.html');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, floorPage(transcript));
  return { folder, pathname: FLOOR_PATH };
}

/** The floor page of `transcript` on a server of its own, for Lighthouse; `close` removes it. */
export async function serveFloor(
  transcript: Transcript,
): Promise<{ url: string; close: () => Promise<void> }> {
  const floor = await writeFloor(transcript);
  const server = await serve(floor.folder);
  return {
    url: `${server.origin}${floor.pathname}`,
    close: async () => {
      await server.close();
      await rm(floor.folder, { recursive: true, force: true });
    },
  };
}

/** The first view of the reader page of `slug` in the built site `siteDir`, against its floor. */
export async function measureAgainstFloor(
  browser: Browser,
  siteDir: string,
  slug: string,
  transcript: Transcript,
): Promise<FirstViewRow> {
  const pathname = `/${slug}/`;
  const floor = await writeFloor(transcript);
  try {
    const page = await measureTransfer(browser, siteDir, pathname);
    const floorView = await measureTransfer(browser, floor.folder, floor.pathname);
    return { pathname, page, floor: floorView, ratio: page.bytes / floorView.bytes };
  } finally {
    await rm(floor.folder, { recursive: true, force: true });
  }
}

/** The first view of each size against the floor, with Lighthouse's LCP where it ran. */
export function firstViewTable(
  sizes: readonly { transcripts: number; againstFloor: FirstViewRow }[],
  lcp: { floor?: number | undefined; page?: number | undefined },
): string {
  const seconds = (ms: number | undefined) =>
    ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`;
  const row = (label: string, transfer: Transfer, ratio: number, lcpMs?: number) => [
    label,
    kilobytes(transfer.bytes),
    String(transfer.requests),
    `${ratio.toFixed(2)}×`,
    seconds(lcpMs),
  ];
  const first = sizes[0]?.againstFloor;
  const rows = first ? [row('floor: the text alone', first.floor, 1, lcp.floor)] : [];
  for (const { transcripts, againstFloor } of sizes) {
    rows.push(
      row(
        `${againstFloor.pathname}, N=${transcripts}`,
        againstFloor.page,
        againstFloor.ratio,
        transcripts === 1 ? lcp.page : undefined,
      ),
    );
  }
  return markdownTable(['first view', 'bytes (gzip)', 'requests', '× floor', 'LCP (mobile)'], rows);
}
