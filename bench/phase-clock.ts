/**
 * An Astro integration that notes when each build hook runs, for the
 * benchmark to cut a build's wall time and memory into its phases. The
 * bench's build config (build.ts) puts it first, so its `astro:build:done`
 * runs before the site's own integrations (the search index) do theirs.
 * Each mark is one line of JSON, appended at once, so a build that fails
 * halfway still leaves the marks it reached.
 */
import { appendFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

export const CLOCK_HOOKS = [
  'astro:config:setup',
  'astro:build:start',
  'astro:build:setup',
  'astro:build:generated',
  'astro:build:done',
] as const;

export type ClockHook = (typeof CLOCK_HOOKS)[number];

/** One hook reached, at `at` milliseconds since the epoch. */
export interface ClockMark {
  hook: ClockHook;
  at: number;
}

export function phaseClock(file: string): AstroIntegration {
  const mark = (hook: ClockHook) => () => {
    const line: ClockMark = { hook, at: Date.now() };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  return {
    name: 'duet-bench-phase-clock',
    hooks: Object.fromEntries(CLOCK_HOOKS.map((hook) => [hook, mark(hook)])),
  };
}
