/**
 * `npm run check` as an author runs it: a child process on a folder,
 * printing every problem as `file:line: message` and a summary, exiting 1
 * when there is a problem and 0 when there is none.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAD, DUPLICATE_SLUG, GOOD } from '../unit/helpers.ts';

// The project's Node 24, as `npm run` would use, which runs TypeScript as it is.
const NODE = 'node_modules/.bin/node';

function check(...folder: string[]) {
  const result = spawnSync(NODE, ['bin/check.ts', ...folder], { encoding: 'utf8' });
  return { ...result, lines: result.stdout.trimEnd().split('\n') };
}

describe('npm run check', () => {
  it('passes the seed transcripts, saying how many it checked', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.lines).toEqual(['1 transcript checked, no problems']);
    expect(result.status).toBe(0);
  });

  it('prints every problem of every file, sorted by file and line, then a summary', () => {
    const result = check(BAD);
    const names = readdirSync(BAD).filter((name) => name.endsWith('.expected'));
    // readdirSync sorts like the check does: by UTF-16 code unit, `B` before `a`.
    const expected = names.flatMap((name) =>
      readFileSync(`${BAD}/${name}`, 'utf8').trim().split('\n'),
    );
    expect(result.lines).toEqual([
      ...expected,
      `${expected.length} problems in ${names.length} of ${names.length} transcripts`,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('prints warnings, counted apart, without failing', () => {
    const result = check(GOOD);
    expect(result.lines).toEqual([
      `${GOOD}/front-matter.md:12: warning: the front matter describes the speaker \`Adah\`, but no block has that label (did you mean \`Ada\`?): use the label exactly as the text writes it`,
      `${readdirSync(GOOD).length} transcripts checked, no problems, 1 warning`,
    ]);
    expect(result.status).toBe(0);
  });

  it('reports a file name that is another’s but for case', () => {
    const result = check(DUPLICATE_SLUG);
    expect(result.lines).toEqual([
      `${DUPLICATE_SLUG}/A.md:1: the file name \`A.md\` is not a valid slug, and \`a.md\`, the name it would become, is another transcript's: both would be served at /a/; rename this file with only a-z, 0-9 and -, to a name no other file has, e.g. \`a-2.md\`, or merge the two if they are the same transcript`,
      '1 problem in 1 of 2 transcripts',
    ]);
    expect(result.status).toBe(1);
  });

  it('says plainly that a folder is missing, without a stack trace', () => {
    const result = check('tests/fixtures/no-such-folder');
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      'There is no folder tests/fixtures/no-such-folder: create it and put the transcripts in it.',
    );
    expect(result.status).toBe(1);
  });
});
