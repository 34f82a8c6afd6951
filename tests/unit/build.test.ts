/**
 * The content loader inside a real `astro build`: bad transcripts stop it
 * with every problem and write nothing; good ones become pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAD, GOOD } from './helpers.ts';

const OUTPUT = 'tests/.output';

function build(transcripts: string, outDir: string) {
  return spawnSync('node_modules/.bin/astro', ['build', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, DUET_TRANSCRIPTS: transcripts, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

describe('npm run build', () => {
  it('stops on bad transcripts, printing every problem of every file, and writes nothing', () => {
    const outDir = `${OUTPUT}/bad`;
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(`${outDir}/earlier-build.txt`, 'left by an earlier build');

    const result = build(BAD, outDir);

    expect(result.status).not.toBe(0);
    const printed = `${result.stdout}\n${result.stderr}`.split('\n');
    const expected = readdirSync(BAD)
      .filter((name) => name.endsWith('.expected'))
      .flatMap((name) => readFileSync(`${BAD}/${name}`, 'utf8').trim().split('\n'));
    expect(expected.length).toBeGreaterThan(15);
    for (const line of expected) expect(printed).toContain(line);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(outDir)).toEqual(['earlier-build.txt']);
  });

  it('renders good transcripts into pages, inline Markdown rendered and raw HTML escaped', () => {
    const outDir = `${OUTPUT}/good`;
    rmSync(outDir, { recursive: true, force: true });

    const result = build(GOOD, outDir);

    expect(result.status, result.stderr).toBe(0);
    const home = readFileSync(`${outDir}/index.html`, 'utf8');
    expect(home).toContain('Untitled panel');
    expect(home).toContain('A panel: on things');

    const page = readFileSync(`${outDir}/inline-markdown/index.html`, 'utf8');
    expect(page).toContain('<em>emphasis</em>');
    expect(page).toContain('<a href="https://example.com/paper">link</a>');
    expect(page).toContain('<span class="stage-direction">[laughter]</span>');
    expect(page).toContain('<span class="stage-direction">[笑声]</span>');
    expect(page).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('"Straight quotes" -- dashes... stay.');
  });
});
