/**
 * readTranscripts on folders made at test time: whatever a folder holds,
 * each file becomes a transcript or a problem at its place, quickly, and
 * never a stack trace, a hang or memory filled.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { MAX_FILE_BYTES, readTranscripts } from '../../src/lib/transcript/files.ts';
import { formatProblem, type Problem, type Warning } from '../../src/lib/transcript/problem.ts';
import { tempTranscripts } from '../support/temp-transcripts.ts';

// Read errors that cannot be caused for real here: tests run as root, who may read anything.
const denied = vi.hoisted(() => new Set<string>());
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = (file, ...rest) =>
    denied.has(String(file))
      ? Promise.reject(
          Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), {
            code: 'EACCES',
          }),
        )
      : actual.open(file, ...rest);
  return { ...actual, open };
});

const TURN = '**Ada:** 你好。\n**Ada:** Hello.\n';

async function read(entries: Parameters<typeof tempTranscripts>[0]) {
  const temp = tempTranscripts(entries);
  const result = await readTranscripts(temp.folder, process.cwd());
  return { ...temp, result, lines: result.problems.map(formatProblem) };
}

describe('readTranscripts', () => {
  it('reports a name that differs from another file’s only in case on the file that is no slug', async () => {
    const { folder, result, lines } = await read({ 'a.md': TURN, 'A.md': TURN });
    expect(lines).toEqual([
      `${folder}/A.md:1: the file name \`A.md\` is not a valid slug, and \`a.md\`, the name it would become, is another transcript's: both would be served at /a/; rename this file with only a-z, 0-9 and -, to a name no other file has, e.g. \`a-2.md\`, or merge the two if they are the same transcript`,
    ]);
    expect(result.transcripts.map((transcript) => transcript.slug)).toEqual(['A', 'a']);
  });

  it('follows a symbolic link to a file inside the folder, in a subfolder too', async () => {
    const { result } = await read({
      'a.md': TURN,
      'b.md': { link: 'a.md' },
      'c.md': { link: 'drafts/c.txt' },
      drafts: { folder: { 'c.txt': TURN } },
      // A name that begins with two dots is inside the folder all the same.
      'd.md': { link: '..draft.txt' },
      '..draft.txt': TURN,
    });
    expect(result.problems).toEqual([]);
    expect(result.transcripts.map((transcript) => transcript.slug)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('names what a link points to when it is not a file inside the folder, and what to do', async () => {
    const outside = tempTranscripts({ 'elsewhere.md': TURN });
    const { folder, result, lines } = await read({
      'dangling.md': { link: 'missing.md' },
      'device.md': { link: '/dev/zero' },
      'loop.md': { link: 'loop.md' },
      'notes.md': { folder: { 'a.md': TURN } },
      'out.md': { link: `${outside.absolute}/elsewhere.md` },
      'to-folder.md': { link: 'notes.md' },
      'to-itself.md': { link: '.' },
    });
    expect(lines).toEqual([
      `${folder}/dangling.md:1: this file is a symbolic link to \`missing.md\`, which does not exist: point it at a transcript in ${folder}, or delete it`,
      `${folder}/device.md:1: this file is a symbolic link to \`/dev/zero\`, outside ${folder}: only links to files inside the transcripts folder are followed; move or copy the transcript into it instead`,
      `${folder}/loop.md:1: this file is a symbolic link to \`loop.md\`, which leads back to itself through other links: point it at a transcript, or delete it`,
      `${folder}/notes.md:1: this is a folder, not a file: a name ending in \`.md\` is read as a transcript, so rename it or move it out of ${folder}`,
      `${folder}/out.md:1: this file is a symbolic link to \`${outside.absolute}/elsewhere.md\`, outside ${folder}: only links to files inside the transcripts folder are followed; move or copy the transcript into it instead`,
      `${folder}/to-folder.md:1: this file is a symbolic link to \`notes.md\`, which is a folder, not a file: point it at a transcript, or delete it`,
      `${folder}/to-itself.md:1: this file is a symbolic link to \`.\`, which is a folder, not a file: point it at a transcript, or delete it`,
    ]);
    expect(result.files).toHaveLength(7);
    expect(result.transcripts).toEqual([]);
  });

  it('says where a link leads when the link itself does not show it', async () => {
    const outside = tempTranscripts({ 'elsewhere.md': TURN });
    const up = `../${path.basename(outside.absolute)}/elsewhere.md`;
    const { folder, lines } = await read({ 'up.md': { link: up } });
    expect(lines).toEqual([
      `${folder}/up.md:1: this file is a symbolic link to \`${up}\` (that is, \`${outside.absolute}/elsewhere.md\`), outside ${folder}: only links to files inside the transcripts folder are followed; move or copy the transcript into it instead`,
    ]);
  });

  it('refuses a named pipe without waiting for it', async () => {
    const { folder, lines } = await read({ 'pipe.md': { pipe: true } });
    expect(lines).toEqual([
      `${folder}/pipe.md:1: this is a device, pipe or socket, not a file: a name ending in \`.md\` is read as a transcript, so rename it or move it out of ${folder}`,
    ]);
  });

  it('refuses a file bigger than any transcript, naming the limit, without reading it', async () => {
    const { folder, absolute } = tempTranscripts({ 'ok.md': TURN });
    writeFileSync(`${absolute}/huge.md`, new Uint8Array(12_345_678).fill(0x61));
    writeFileSync(`${absolute}/just-over.md`, new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61));
    const started = performance.now();
    const { problems, transcripts } = await readTranscripts(folder, process.cwd());
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(problems.map(formatProblem)).toEqual([
      `${folder}/huge.md:1: this file is 12.3 MB, more than the 5 MB a transcript may be: split it into several transcripts, or, if it is not a transcript, move it out of ${folder}`,
      `${folder}/just-over.md:1: this file is 5,000,001 bytes, more than the 5 MB a transcript may be: split it into several transcripts, or, if it is not a transcript, move it out of ${folder}`,
    ]);
    expect(transcripts.map((transcript) => transcript.slug)).toEqual(['ok']);
  });

  it('tells the author of a transcript named `.MD` or `.markdown`, which is not read', async () => {
    const { folder, result, lines } = await read({
      'a.md': TURN,
      'A.MD': TURN,
      'Panel Two.markdown': TURN,
      'b.Md': TURN,
      'notes.txt': 'not a transcript',
    });
    expect(lines).toEqual([
      `${folder}/A.MD:1: the file \`A.MD\` is not read as a transcript: a transcript's name ends in \`.md\`, in lower case; rename it \`a-2.md\` (\`a.md\` is another transcript's), or move it out of this folder if it is not a transcript`,
      `${folder}/Panel Two.markdown:1: the file \`Panel Two.markdown\` is not read as a transcript: a transcript's name ends in \`.md\`, in lower case; rename it \`panel-two.md\`, or move it out of this folder if it is not a transcript`,
      `${folder}/b.Md:1: the file \`b.Md\` is not read as a transcript: a transcript's name ends in \`.md\`, in lower case; rename it \`b.md\`, or move it out of this folder if it is not a transcript`,
    ]);
    expect(result.files).toEqual([
      `${folder}/A.MD`,
      `${folder}/Panel Two.markdown`,
      `${folder}/a.md`,
      `${folder}/b.Md`,
    ]);
    expect(result.transcripts.map((transcript) => transcript.slug)).toEqual(['a']);
  });

  it('reports a file it may not read', async () => {
    const { folder } = tempTranscripts({ 'locked.md': TURN, 'open.md': TURN });
    denied.add(path.join(folder, 'locked.md'));
    onTestFinished(() => denied.clear());
    const { problems, transcripts } = await readTranscripts(folder, process.cwd());
    expect(problems.map(formatProblem)).toEqual([
      `${folder}/locked.md:1: this file cannot be read: you are not allowed to read it (EACCES); give yourself read permission, e.g. \`chmod u+r\``,
    ]);
    expect(transcripts.map((transcript) => transcript.slug)).toEqual(['open']);
  });

  it('says that a folder is a file, or missing, in a sentence', async () => {
    const { folder } = tempTranscripts({ 'a.md': TURN });
    await expect(readTranscripts(`${folder}/a.md`, process.cwd())).rejects.toMatchObject({
      name: 'ContentError',
      message: `${folder}/a.md is a file, not a folder: name the folder that holds the transcripts.`,
    });
    await expect(readTranscripts(`${folder}/none`, process.cwd())).rejects.toMatchObject({
      name: 'ContentError',
      message: `There is no folder ${folder}/none: create it and put the transcripts in it.`,
    });
  });

  it('shows control characters in a file name instead of sending them to the terminal', async () => {
    const { folder, lines } = await read({ 'red\u001b[31m\r.md': TURN, 'b\u202e.md': TURN });
    expect(lines).toEqual([
      `${folder}/b\\u{202E}.md:1: the file name \`b\\u{202E}.md\` is not a valid slug: use only a-z, 0-9 and -, e.g. \`b.md\``,
      `${folder}/red\\u{1B}[31m\\u{D}.md:1: the file name \`red\\u{1B}[31m\\u{D}.md\` is not a valid slug: use only a-z, 0-9 and -, e.g. \`red-31m.md\``,
    ]);
  });

  it('gives warnings a type of their own', async () => {
    const speakers = '---\nspeakers:\n  Adah:\n    role: Host\n  Ada:\n---\n';
    const { folder, result } = await read({ 'a.md': speakers + TURN });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      {
        file: `${folder}/a.md`,
        line: 3,
        severity: 'warning',
        message:
          'the front matter describes the speaker `Adah`, but no block has that label (did you mean `Ada`?): use the label exactly as the text writes it',
      },
    ]);
    // @ts-expect-error A warning does not stop the build, so it cannot be passed on as a problem (`astro check` fails without this error).
    const problems: Problem[] = result.warnings;
    const warnings: Warning[] = result.warnings;
    expect(problems).toBe(warnings);
  });
});

describe('readTranscripts with isUnchanged', () => {
  const files = {
    'a.md': TURN,
    'b.md': '**Bo:** 你好。\n**Bo:** Hello.\n',
    'Bad_Name.md': TURN,
    'c.md': new Uint8Array([0x2a, 0x2a, 0xff]),
  };

  it('decodes every file and checks every name, but parses only the files it does not accept', async () => {
    const { folder } = tempTranscripts(files);
    const asked: [string, string][] = [];
    const result = await readTranscripts(folder, process.cwd(), {
      isUnchanged: (slug, source) => {
        asked.push([slug, source]);
        return slug !== 'b';
      },
    });
    // Not asked about `c`: its bytes are not UTF-8, so it has no text to compare.
    expect(asked).toEqual([
      ['Bad_Name', TURN],
      ['a', TURN],
      ['b', files['b.md']],
    ]);
    expect(result.unchanged).toEqual(['Bad_Name', 'a']);
    expect(result.transcripts.map((transcript) => transcript.slug)).toEqual(['b']);
    expect(result.problems.map((problem) => problem.file)).toEqual([
      `${folder}/Bad_Name.md`,
      `${folder}/c.md`,
    ]);
    expect(result.files).toHaveLength(4);
  });

  it('parses every file without it, as the build always did', async () => {
    const { folder } = tempTranscripts(files);
    const result = await readTranscripts(folder, process.cwd());
    expect(result.unchanged).toEqual([]);
    expect(result.transcripts.map((transcript) => transcript.slug)).toEqual(['Bad_Name', 'a', 'b']);
  });
});

describe('readTranscripts with onParsed', () => {
  it('hands over each transcript in file order, awaited, and keeps none', async () => {
    const { folder } = tempTranscripts({
      'a.md': TURN,
      'b.md': '**Bo:** 你好。\n**Bo:** Hello.\n',
      'c.md': 'no label here\n',
    });
    const events: string[] = [];
    const result = await readTranscripts(folder, process.cwd(), {
      onParsed: async ({ slug, transcript }) => {
        events.push(`start ${slug}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        events.push(`end ${slug} ${transcript.turns.length}`);
      },
    });
    expect(events).toEqual(['start a', 'end a 1', 'start b', 'end b 1']);
    expect(result.transcripts).toEqual([]);
    // A file with problems is reported as ever, and never handed over.
    expect(new Set(result.problems.map((problem) => path.basename(problem.file)))).toEqual(
      new Set(['c.md']),
    );
  });
});
