/**
 * Files kept in the built site from one build to the next: the output is
 * emptied of everything else, a kept file is written again only when its
 * text changed, one no longer written is deleted, and a list made for
 * another output folder keeps nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyOutputExcept, KeptFiles, readKept } from '../../src/integrations/kept-files.ts';

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
    emptyOutputExcept(out, new Set());
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

describe('emptyOutputExcept', () => {
  it('deletes everything but the kept files and .git, and the folders left empty', () => {
    const out = temp('out');
    for (const file of [
      'index.html',
      'slug/index.html',
      '_astro/app.js',
      'search/s/0.json',
      'search/f/1.json',
      'search/old.json',
      '.git/HEAD',
    ]) {
      put(out, file, file);
    }
    emptyOutputExcept(out, new Set(['search/s/0.json', 'search/f/1.json']));
    const left = ['search/s/0.json', 'search/f/1.json', '.git/HEAD'];
    for (const file of left) expect(existsSync(path.join(out, file)), file).toBe(true);
    for (const file of ['index.html', 'slug', '_astro', 'search/old.json']) {
      expect(existsSync(path.join(out, file)), file).toBe(false);
    }
  });

  it('empties the output of a build that kept nothing, and leaves a missing one missing', () => {
    const out = temp('out');
    put(out, 'search/s/0.json', 'x');
    emptyOutputExcept(out, new Set());
    expect(existsSync(path.join(out, 'search'))).toBe(false);
    expect(() => emptyOutputExcept(path.join(out, 'none'), new Set())).not.toThrow();
  });
});
