/**
 * The digest of sources that decides what a build redoes (every page's key)
 * and whether a test site is as new as the code (tests/support/built-from.ts):
 * it changes with any file's contents or name, in folders at any depth, and
 * with nothing else.
 */
import { mkdirSync, mkdtempSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { digestOf } from '../../src/integrations/code-version.ts';

function put(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

it('changes with a file’s contents, name or a new file deep in a folder, and with nothing else', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'duet-digest-'));
  put(root, 'src/a.ts', 'a');
  put(root, 'src/deep/b.ts', 'b');
  put(root, 'config.ts', 'c');
  put(root, 'unread.txt', 'u');
  const digest = () => digestOf(root, ['src', 'config.ts']);
  const first = digest();
  const seen = new Set([first]);

  // Touched, or a file it does not read changed: the same sources.
  utimesSync(path.join(root, 'src/a.ts'), new Date(), new Date(0));
  put(root, 'unread.txt', 'changed');
  expect(digest()).toBe(first);

  for (const change of [
    () => put(root, 'src/deep/b.ts', 'b2'),
    () => put(root, 'config.ts', 'c2'),
    () => put(root, 'src/deep/deeper/new.ts', ''),
    () => renameSync(path.join(root, 'src/a.ts'), path.join(root, 'src/a2.ts')),
  ]) {
    change();
    expect(seen.has(digest())).toBe(false);
    seen.add(digest());
  }
});
