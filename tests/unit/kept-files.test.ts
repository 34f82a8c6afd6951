/**
 * Files kept in the built site from one build to the next: the output is
 * emptied of everything else the build did not write again, a kept file is
 * written again only when its text changed (a transcript's files not even
 * made again while what they are made from is the same), one no longer
 * written is deleted, and a list made for another output folder keeps
 * nothing.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeptFiles, readKept, removeStale } from '../../src/integrations/kept-files.ts';

const temp = (name: string) => mkdtempSync(path.join(tmpdir(), `duet-kept-${name}-`));

function put(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe('KeptFiles', () => {
  it('writes every file the first time, then only the changed ones, and deletes the dropped ones', () => {
    const cache = temp('cache');
    const out = temp('out');
    const first = new KeptFiles(cache, 'index', out);
    first.write('search/a.json', 'a');
    first.write('search/b.json', 'b');
    first.write('search/deep/c.json', 'c');
    first.finish();
    expect(first.changed).toBe(3);

    const before = statSync(path.join(out, 'search/a.json')).mtimeMs;
    const second = new KeptFiles(cache, 'index', out);
    second.write('search/a.json', 'a');
    second.write('search/b.json', 'b, edited');
    second.finish();
    expect(second.changed).toBe(1);
    expect(statSync(path.join(out, 'search/a.json')).mtimeMs).toBe(before);
    expect(readFileSync(path.join(out, 'search/b.json'), 'utf8')).toBe('b, edited');
    expect(existsSync(path.join(out, 'search/deep/c.json'))).toBe(false);
    expect([...readKept(cache, 'index', out).keys()].sort()).toEqual([
      'search/a.json',
      'search/b.json',
    ]);
  });

  it('writes a kept file again when it is missing from the output', () => {
    const cache = temp('cache');
    const out = temp('out');
    const first = new KeptFiles(cache, 'index', out);
    first.write('search/a.json', 'a');
    first.finish();
    rmSync(path.join(out, 'search'), { recursive: true });
    const second = new KeptFiles(cache, 'index', out);
    second.write('search/a.json', 'a');
    second.finish();
    expect(readFileSync(path.join(out, 'search/a.json'), 'utf8')).toBe('a');
  });

  it('keeps nothing for another output folder, nor after a build that did not finish', () => {
    const cache = temp('cache');
    const out = temp('out');
    const first = new KeptFiles(cache, 'index', out);
    first.write('search/a.json', 'a');
    first.finish();
    expect(readKept(cache, 'index', temp('elsewhere')).size).toBe(0);

    // A build that stops between the first write and finish() leaves no list behind.
    new KeptFiles(cache, 'index', out).write('search/a.json', 'changed');
    expect(readKept(cache, 'index', out).size).toBe(0);
  });
});

describe('KeptFiles.keep', () => {
  /** A build of two transcripts' pages, each a group made from its source's digest. */
  function build(cache: string, out: string, sources: Record<string, string>) {
    const kept = new KeptFiles(cache, 'pages', out);
    const made: string[] = [];
    for (const [slug, source] of Object.entries(sources)) {
      if (kept.keep(slug, source)) continue;
      made.push(slug);
      kept.write(`${slug}/turn-1/index.html`, `${slug} 1 ${source}`, slug);
      kept.write(`${slug}/turn-2/index.html`, `${slug} 2 ${source}`, slug);
    }
    kept.finish();
    return { made, changed: kept.changed };
  }

  it('keeps the files of a source that did not change without making them again', () => {
    const cache = temp('cache');
    const out = temp('out');
    expect(build(cache, out, { a: 'a1', b: 'b1' })).toEqual({ made: ['a', 'b'], changed: 4 });
    const before = statSync(path.join(out, 'a/turn-1/index.html')).mtimeMs;
    expect(build(cache, out, { a: 'a1', b: 'b2' })).toEqual({ made: ['b'], changed: 2 });
    expect(statSync(path.join(out, 'a/turn-1/index.html')).mtimeMs).toBe(before);
    expect(readFileSync(path.join(out, 'b/turn-2/index.html'), 'utf8')).toBe('b 2 b2');
    // Kept twice over: a kept group is listed again for the build after.
    expect(build(cache, out, { a: 'a1', b: 'b2' })).toEqual({ made: [], changed: 0 });
  });

  it('makes a group again when one of its files is missing', () => {
    const cache = temp('cache');
    const out = temp('out');
    build(cache, out, { a: 'a1' });
    rmSync(path.join(out, 'a/turn-2/index.html'));
    expect(build(cache, out, { a: 'a1' })).toEqual({ made: ['a'], changed: 1 });
    expect(existsSync(path.join(out, 'a/turn-2/index.html'))).toBe(true);
  });

  it('deletes the files of a source no longer there, and their folders', () => {
    const cache = temp('cache');
    const out = temp('out');
    build(cache, out, { a: 'a1', b: 'b1' });
    build(cache, out, { a: 'a1' });
    expect(existsSync(path.join(out, 'b'))).toBe(false);
    expect(existsSync(path.join(out, 'a/turn-2/index.html'))).toBe(true);
  });
});

describe('removeStale', () => {
  /** Writes `files` under `root` with their modification time `at` (ms since the epoch). */
  function putAt(root: string, files: readonly string[], at: number): void {
    for (const file of files) {
      put(root, file, file);
      utimesSync(path.join(root, file), at / 1000, at / 1000);
    }
  }

  it('deletes what the build did not write again but the kept files and .git, and the folders left empty', () => {
    const out = temp('out');
    const since = Date.now();
    const old = since - 60_000;
    putAt(
      out,
      ['old/index.html', 'slug/glossary/index.html', '_astro/old.js', 'search/old.json'],
      old,
    );
    // Kept: an integration's files, and a page Astro skipped and left as it was.
    const kept = ['search/s/0.json', 'slug/turn-1/index.html', 'slug/pinyin.json'];
    putAt(out, [...kept, '.git/HEAD'], old);
    // What this build wrote: Astro's pages, the ones its cache copied back included.
    putAt(out, ['index.html', 'slug/index.html', '_astro/new.js'], since + 2_000);
    removeStale(out, new Set(kept), since);
    const left = ['index.html', 'slug/index.html', '_astro/new.js', ...kept, '.git/HEAD'];
    for (const file of left) expect(existsSync(path.join(out, file)), file).toBe(true);
    for (const file of ['old', 'slug/glossary', '_astro/old.js', 'search/old.json']) {
      expect(existsSync(path.join(out, file)), file).toBe(false);
    }
  });

  it('keeps a file written just after the build began, by a clock a tick behind', () => {
    const out = temp('out');
    const since = Date.now();
    putAt(out, ['index.html'], since - 4);
    removeStale(out, new Set(), since);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('empties the output of a build that kept and wrote nothing, and leaves a missing one missing', () => {
    const out = temp('out');
    putAt(out, ['search/s/0.json'], Date.now() - 60_000);
    removeStale(out, new Set(), Date.now());
    expect(readdirSync(out)).toEqual([]);
    expect(() => removeStale(path.join(out, 'none'), new Set(), Date.now())).not.toThrow();
  });
});
