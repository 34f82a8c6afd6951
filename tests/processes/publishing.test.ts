/**
 * Building for an address: Astro's --site and --base flags win over the
 * settings file, and every page and share page then lives under them.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
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

    const slug = readdirSync(result.outDir).find(
      (name) => name !== '_astro' && !name.includes('.') && name !== 'search',
    )!;
    const share = readFileSync(`${result.outDir}/${slug}/turn-1/index.html`, 'utf8');
    expect(share).toContain(
      `<link rel="canonical" href="https://flag.example/from-file/${slug}/turn-1/">`,
    );
    expect(share).toContain(`url=/from-file/${slug}/#turn-1`);
  });
});
