/**
 * `npm run check` as an author runs it: a child process on a folder,
 * printing every problem as `file:line: message` and a summary, exiting 1
 * when there is a problem and 0 when there is none. Every test brings its
 * own folder: adding a transcript to the site changes none of them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOSTILE_FOLDER } from '../support/hostile-input.ts';
import { tempTranscripts } from '../support/temp-transcripts.ts';
import { BAD, GOOD } from '../unit/helpers.ts';

// The project's Node 24, as `npm run` would use, which runs TypeScript as it is.
const NODE = 'node_modules/.bin/node';
const TURN = '**Ada:** 你好。\n**Ada:** Hello.\n';
// Characters a terminal acts on rather than shows; a line feed ends each printed line.
const ACTED_ON =
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

function check(...folder: string[]) {
  const result = spawnSync(NODE, ['bin/check.ts', ...folder], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...result, lines: result.stdout.trimEnd().split('\n') };
}

describe('npm run check', () => {
  it('checks content/transcripts when no folder is given', () => {
    const unnamed = check();
    const named = check('content/transcripts');
    expect(unnamed.stderr).toBe('');
    expect(unnamed.lines.at(-1)).toMatch(
      /^(\d+ transcripts? checked, no problems|\d+ problems? in \d+ of \d+ transcripts?)(, \d+ warnings?)?$/,
    );
    expect([unnamed.stdout, unnamed.status]).toEqual([named.stdout, named.status]);
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
    const { folder } = tempTranscripts({ 'a.md': TURN, 'A.md': TURN });
    const result = check(folder);
    expect(result.lines).toEqual([
      `${folder}/A.md:1: the file name \`A.md\` is not a valid slug, and \`a.md\`, the name it would become, is another transcript's: both would be served at /a/; rename this file with only a-z, 0-9 and -, to a name no other file has, e.g. \`a-2.md\`, or merge the two if they are the same transcript`,
      '1 problem in 1 of 2 transcripts',
    ]);
    expect(result.status).toBe(1);
  });

  // How long it takes is the bench's (bench/hostile-input.ts): a loaded machine decides no test.
  it('answers every hostile file in a folder in a line, without a stack trace', () => {
    const { folder } = tempTranscripts(HOSTILE_FOLDER);
    const result = check(folder);
    expect(result.lines).toEqual([
      `${folder}/Misnamed.MD:1: the file \`Misnamed.MD\` is not read as a transcript: a transcript's name ends in \`.md\`, in lower case; rename it \`misnamed.md\`, or move it out of this folder if it is not a transcript`,
      `${folder}/dangling.md:1: this file is a symbolic link to \`missing.md\`, which does not exist: point it at a transcript in ${folder}, or delete it`,
      `${folder}/device.md:1: this file is a symbolic link to \`/dev/zero\`, outside ${folder}: only links to files inside the transcripts folder are followed; move or copy the transcript into it instead`,
      `${folder}/folder.md:1: this is a folder, not a file: a name ending in \`.md\` is read as a transcript, so rename it or move it out of ${folder}`,
      `${folder}/huge.md:1: this file is 6 MB, more than the 5 MB a transcript may be: split it into several transcripts, or, if it is not a transcript, move it out of ${folder}`,
      `${folder}/pipe.md:1: this is a device, pipe or socket, not a file: a name ending in \`.md\` is read as a transcript, so rename it or move it out of ${folder}`,
      `${folder}/to-folder.md:1: this file is a symbolic link to \`folder.md\`, which is a folder, not a file: point it at a transcript, or delete it`,
      '7 problems in 7 of 8 transcripts',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });

  it('prints nothing from a source file that a terminal would act on', () => {
    const { folder } = tempTranscripts({
      'name\u001b[2J.md': TURN,
      'labels.md': [
        '---',
        'title: "Fine"',
        'colour\u202e: red',
        '---',
        '**Ada\u001b]0;owned\u0007:** 你好。',
        '**A\rda:** Hello.',
        '**Bo:** [x](javascript:\u2066alert)',
      ].join('\n'),
    });
    const result = check(folder);
    expect(result.status).toBe(1);
    expect(result.lines.length).toBeGreaterThan(4);
    for (const line of result.lines) expect(line).not.toMatch(ACTED_ON);
    expect(result.stdout).toContain(
      `${folder}/name\\u{1B}[2J.md:1: the file name \`name\\u{1B}[2J.md\``,
    );
    expect(result.stdout).toContain('unknown front matter field `colour\\u{202E}`');
    for (const shown of ['Ada\\u{1B}]0;owned\\u{7}', 'A\\u{D}da', 'javascript:\\u{2066}alert']) {
      expect(result.stdout).toContain(shown);
    }
  });

  it('says plainly that a folder is missing, or is a file, without a stack trace', () => {
    const missing = check('tests/fixtures/no-such-folder');
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim()).toBe(
      'There is no folder tests/fixtures/no-such-folder: create it and put the transcripts in it.',
    );
    expect(missing.status).toBe(1);
    const file = check(`${BAD}/empty.md`);
    expect(file.stdout).toBe('');
    expect(file.stderr.trim()).toBe(
      `${BAD}/empty.md is a file, not a folder: name the folder that holds the transcripts.`,
    );
    expect(file.status).toBe(1);
  });
});
