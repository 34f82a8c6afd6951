/**
 * Building for an address: Astro's --site and --base flags win over the
 * settings file, and every page and share page then lives under them; and
 * the share pages, there or not as the settings say.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/astro-build.ts';
import { GOOD } from '../unit/helpers.ts';

describe('npm run build -- --site … --base …', () => {
  it('takes the flags over the settings, and the settings where no flag is given', () => {
    const work = 'tests/.output/publishing';
    rmSync(work, { recursive: true, force: true });
    const result = buildSite(GOOD, work, {
      config: { site: 'https://file.example', base: '/from-file' },
      flags: ['--site', 'https://flag.example'],
    });
    expect(result.status, result.output).toBe(0);

    const home = readFileSync(`${result.outDir}/index.html`, 'utf8');
    expect(home).toContain('<link rel="canonical" href="https://flag.example/from-file/">');
    expect(home).not.toContain('file.example');
    const links = [...home.matchAll(/\s(?:href|src)="([^"#][^"]*)"/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links)
      expect(link).toMatch(/^(\/from-file\/|https:\/\/flag\.example\/from-file\/)/);

    // A transcript's folder: the one that holds share pages.
    const slug = readdirSync(result.outDir).find((name) =>
      existsSync(`${result.outDir}/${name}/turn-1/index.html`),
    )!;
    const share = readFileSync(`${result.outDir}/${slug}/turn-1/index.html`, 'utf8');
    expect(share).toContain(
      `<link rel="canonical" href="https://flag.example/from-file/${slug}/turn-1/">`,
    );
    expect(share).toContain(`url=/from-file/${slug}/#turn-1`);
  });

  it('writes no share pages with the setting off, and removes those an earlier build wrote', () => {
    const work = 'tests/.output/share-setting';
    rmSync(work, { recursive: true, force: true });
    const shares = (dir: string) =>
      readdirSync(dir, { recursive: true }).filter((file) => /turn-\d+$/.test(String(file)));
    const on = buildSite(GOOD, work);
    expect(on.status, on.output).toBe(0);
    expect(shares(on.outDir).length).toBeGreaterThan(0);
    // The same folder and cache, the setting turned off: no file, and no folder, of a share page.
    const off = buildSite(GOOD, work, { config: { sharePages: false } });
    expect(off.status, off.output).toBe(0);
    expect(shares(off.outDir)).toEqual([]);
    expect(existsSync(`${off.outDir}/index.html`)).toBe(true);
    const again = buildSite(GOOD, work);
    expect(again.status, again.output).toBe(0);
    expect(shares(again.outDir)).toEqual(shares(on.outDir));
  });
});
