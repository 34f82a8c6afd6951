/**
 * A very long transcript in Chromium: 500 turns (the seed's, in order, over
 * and over), built as a site of its own, read on a phone's screen with the
 * CPU slowed as Lighthouse slows it for mobile. The page is loaded,
 * scrolled from top to bottom, and switched to each language mode, twice:
 * as built (turns off screen skipped by `content-visibility: auto`), and
 * with every turn laid out (`content-visibility: visible`, injected into
 * the page), so the two stand side by side.
 *
 * What is timed, in the page:
 * - load: the longest animation frame (`long-animation-frame`) up to load;
 * - scroll: frame to frame times while the page scrolls by 200 px a frame
 *   (12,000 px a second at 60 frames a second, a fast fling) to its end,
 *   the longest and the 95th percentile;
 * - switch: from the click on 中文, English or Both to the end of the frame
 *   that shows it (a `requestAnimationFrame`, then a task after it), at
 *   the top of the page and in its middle; the slowest and the median.
 * Each is the median of REPEATS runs, each in a fresh page.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { stringify } from 'yaml';
import type { Transcript } from '../src/lib/transcript/schema.ts';
import { buildSite } from './build.ts';
import { speakersSource } from './generate.ts';
import { serve } from './serve.ts';
import { markdownTable } from './table.ts';
import { median } from './units.ts';

/** Turns in the long transcript. */
export const LONG_TURNS = 500;
export const LONG_SLUG = 'long-transcript';
/** A phone's screen, and Lighthouse's CPU slowdown for mobile. */
const VIEWPORT = { width: 390, height: 844 };
const CPU_SLOWDOWN = 4;
const SCROLL_STEP = 200;
/** Each mode is measured this many times and each figure is the median: the machine is shared. */
const REPEATS = 3;

export interface LongPageRun {
  /** As built (`auto`), or with every turn laid out (`visible`). */
  contentVisibility: 'auto' | 'visible';
  loadLongestFrameMs: number;
  scrollLongestFrameMs: number;
  scrollP95FrameMs: number;
  switchSlowestMs: number;
  switchMedianMs: number;
}

export interface LongPageResult {
  turns: number;
  viewport: { width: number; height: number };
  cpuSlowdown: number;
  runs: LongPageRun[];
}

/** The long transcript's Markdown: the seed's turns, in order, repeated to `turns`. */
export function longTranscript(seed: Transcript, turns = LONG_TURNS): string {
  const body = Array.from({ length: turns }, (_, index) => {
    const turn = seed.turns[index % seed.turns.length]!;
    return [
      `**${turn.speaker}:** ${turn.zh.paragraphs.join('\n')}`,
      `**${turn.speaker}:** ${turn.en.paragraphs.join('\n')}`,
    ].join('\n');
  });
  const frontMatter = stringify({
    title: `A long transcript: ${turns} turns`,
    speakers: speakersSource(seed.speakers),
  });
  return `---\n${frontMatter}---\n${body.join('\n')}\n`;
}

export interface LongPageOptions {
  /** The project: where astro.config and node_modules are. */
  root: string;
  /** A scratch folder of its own for the transcript, the build and its cache. */
  work: string;
  seed: Transcript;
}

/** Builds the long transcript's site and measures its reader page, with and without skipping. */
export async function measureLongPage(
  browser: Browser,
  { root, work, seed }: LongPageOptions,
): Promise<LongPageResult> {
  const contentDir = path.join(work, 'content');
  const outDir = path.join(work, 'site');
  await mkdir(contentDir, { recursive: true });
  await writeFile(path.join(contentDir, `${LONG_SLUG}.md`), longTranscript(seed));
  await buildSite({ root, contentDir, outDir, workDir: work });
  const server = await serve(outDir);
  try {
    const url = `${server.origin}/${LONG_SLUG}/`;
    const runs: LongPageRun[] = [];
    for (const contentVisibility of ['auto', 'visible'] as const) {
      const repeats: LongPageRun[] = [];
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        repeats.push(await measureRun(browser, url, contentVisibility));
      }
      runs.push(medianRun(contentVisibility, repeats));
    }
    return { turns: LONG_TURNS, viewport: VIEWPORT, cpuSlowdown: CPU_SLOWDOWN, runs };
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Each figure's median over the repeats. */
function medianRun(
  contentVisibility: LongPageRun['contentVisibility'],
  repeats: readonly LongPageRun[],
): LongPageRun {
  const of = (key: Exclude<keyof LongPageRun, 'contentVisibility'>) =>
    median(repeats.map((run) => run[key]));
  return {
    contentVisibility,
    loadLongestFrameMs: of('loadLongestFrameMs'),
    scrollLongestFrameMs: of('scrollLongestFrameMs'),
    scrollP95FrameMs: of('scrollP95FrameMs'),
    switchSlowestMs: of('switchSlowestMs'),
    switchMedianMs: of('switchMedianMs'),
  };
}

async function measureRun(
  browser: Browser,
  url: string,
  contentVisibility: 'auto' | 'visible',
): Promise<LongPageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (contentVisibility === 'visible') {
      // Into the HTML itself, so the first layout is already of every turn.
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          '</head>',
          '<style>.turn{content-visibility:visible!important}</style></head>',
        );
        await route.fulfill({ response, body: html });
      });
    }
    await page.addInitScript(() => {
      const frames: number[] = [];
      (window as unknown as { __frames: number[] }).__frames = frames;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) frames.push(entry.duration);
      }).observe({ type: 'long-animation-frame', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load' });
    const loadLongestFrameMs = await page.evaluate(() =>
      Math.max(0, ...(window as unknown as { __frames: number[] }).__frames),
    );

    const frames = await scrollToEnd(page);
    const switches = [...(await switchModes(page, 'top')), ...(await switchModes(page, 'middle'))];
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      contentVisibility,
      loadLongestFrameMs,
      scrollLongestFrameMs: sorted.at(-1) ?? 0,
      scrollP95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      switchSlowestMs: Math.max(...switches),
      switchMedianMs: median(switches),
    };
  } finally {
    await context.close();
  }
}

/** Scrolls by SCROLL_STEP a frame to the page's end; each frame's time from the one before. */
function scrollToEnd(page: Page): Promise<number[]> {
  return page.evaluate(
    (step) =>
      new Promise<number[]>((resolve) => {
        window.scrollTo(0, 0);
        const times: number[] = [];
        let last = performance.now();
        const frame = (now: number) => {
          times.push(now - last);
          last = now;
          const end = document.documentElement.scrollHeight - innerHeight;
          if (scrollY >= end - 1) return resolve(times.slice(1));
          window.scrollBy(0, step);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    SCROLL_STEP,
  );
}

/** Chooses 中文, English, then Both, at the top or the middle of the page; the time of each. */
function switchModes(page: Page, where: 'top' | 'middle'): Promise<number[]> {
  return page.evaluate(async (where) => {
    const settle = () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    window.scrollTo(0, where === 'top' ? 0 : document.documentElement.scrollHeight / 2);
    await settle();
    const times: number[] = [];
    for (const mode of ['zh', 'en', 'both']) {
      const button = document.querySelector<HTMLButtonElement>(`button[data-mode="${mode}"]`);
      if (!button) throw new Error(`the page has no ${mode} button`);
      const started = performance.now();
      button.click();
      await settle();
      times.push(performance.now() - started);
    }
    return times;
  }, where);
}

/** The long page's two runs side by side. */
export function longPageTable(result: LongPageResult): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return markdownTable(
    [
      `${result.turns} turns, ${result.viewport.width} px, CPU ${result.cpuSlowdown}× slower`,
      'load: longest frame',
      'scroll: longest frame',
      'scroll: 95th pct frame',
      'switch: slowest',
      'switch: median',
    ],
    result.runs.map((run) => [
      run.contentVisibility === 'auto'
        ? 'content-visibility: auto (as built)'
        : 'content-visibility: visible',
      ms(run.loadLongestFrameMs),
      ms(run.scrollLongestFrameMs),
      ms(run.scrollP95FrameMs),
      ms(run.switchSlowestMs),
      ms(run.switchMedianMs),
    ]),
  );
}
