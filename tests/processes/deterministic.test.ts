/**
 * Two builds of the same sources are byte-identical: from a cold cache in
 * two different folders, the second on the other side of the date line
 * and in another locale (so no absolute path, clock, time zone or
 * language of the machine leaks into the site), and again from the warm
 * cache the first left (Astro's incremental build copies the pages it
 * need not render).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/astro-build.ts';
import { CORPUS } from '../support/paths.ts';

const OUTPUT = 'tests/.output/deterministic';

/** Every file of a built site by its path in it, with a digest of its bytes. */
function digests(site: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(
      path.relative(site, file),
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    );
  }
  return files;
}

/** The files that are not the same in both, missing from either included. */
function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((file) => a.get(file) !== b.get(file))
    .sort();
}

/** Far from UTC and from English: where a date or a sort order depends on the machine, it shows. */
const ELSEWHERE = { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };

function build(work: string, env: Record<string, string> = {}): Map<string, string> {
  const result = buildSite(CORPUS, work, { env });
  expect(result.status, result.output).toBe(0);
  return digests(result.outDir);
}

describe('npm run build', () => {
  it('writes the same bytes twice, from a cold cache and from a warm one', () => {
    const [first, second] = [`${OUTPUT}/first`, `${OUTPUT}/second`];
    for (const work of [first, second]) rmSync(work, { recursive: true, force: true });

    const cold = build(first);
    expect(cold.size).toBeGreaterThan(100);
    expect(differing(cold, build(second, ELSEWHERE)), 'differ between two cold builds').toEqual([]);
    expect(differing(cold, build(first)), 'differ after a rebuild from the cache').toEqual([]);
  });
});
