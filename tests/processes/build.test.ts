/**
 * The content loader inside a real `astro build`: bad transcripts stop it
 * with every problem and write nothing; good ones become pages; a rebuild
 * after an edit shows it everywhere it shows, parsing only that file, and
 * leaves every other page in the output; one after a transcript is deleted
 * leaves none of its files.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/astro-build.ts';
import { BAD, GOOD } from '../unit/helpers.ts';

const OUTPUT = 'tests/.output';

describe('npm run build', () => {
  it('stops on bad transcripts, printing every problem of every file, and writes nothing', () => {
    const work = `${OUTPUT}/bad`;
    const outDir = `${work}/dist`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(`${outDir}/earlier-build.txt`, 'left by an earlier build');

    const result = buildSite(BAD, work);

    expect(result.status).not.toBe(0);
    const printed = result.output.split('\n');
    // The expected messages name the project's `public/`; this build serves a public folder of its own.
    const expected = readdirSync(BAD)
      .filter((name) => name.endsWith('.expected'))
      .flatMap((name) => readFileSync(`${BAD}/${name}`, 'utf8').trim().split('\n'))
      .map((line) =>
        line.replace(/(`|after )public\//g, (_, before: string) => `${before}${work}/public/`),
      );
    expect(expected.length).toBeGreaterThan(15);
    for (const line of expected) expect(printed).toContain(line);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(outDir)).toEqual(['earlier-build.txt']);
  });

  it('renders good transcripts into pages, inline Markdown rendered and raw HTML escaped', () => {
    const work = `${OUTPUT}/good`;
    const outDir = `${work}/dist`;
    rmSync(work, { recursive: true, force: true });

    const result = buildSite(GOOD, work);

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

    // Newest first, the same day by title, the undated last by title.
    const titles = [...home.matchAll(/<h2><a href="\/([^/]+)\/">/g)].map((match) => match[1]);
    expect(titles.slice(0, 5)).toEqual([
      'front-matter',
      'same-day',
      'earlier-panel',
      // Undated, by title: "A timed panel", then the title made from the file name.
      'timed',
      'continuation-lines',
    ]);
    expect(titles.at(-1)).toBe('crlf-with-bom');

    // Every front matter field shows on the reader page.
    const first = readFileSync(`${outDir}/front-matter/index.html`, 'utf8');
    expect(first).toContain('<p lang="en" class="lead">Two people talk.</p>');
    expect(first).toContain(
      '<time datetime="2024-05-31"><span class="ui-en" lang="en">31 May 2024</span><span class="ui-zh" lang="zh-Hans"> 2024年5月31日</span></time>',
    );
    expect(first).toContain('<span class="event"><span lang="en">Example Summit</span></span>');
    expect(first).toContain(
      '<a href="https://example.com/talk"><span class="ui-en" lang="en">Source</span><span class="ui-zh" lang="zh-Hans"> 来源</span></a>',
    );
    expect(first).toContain('<span lang="en" class="role">Moderator, Research</span>');

    // A video on a video site: each timed turn links to it at its time, and nothing of the site
    // is in the page or its policy.
    const timed = readFileSync(`${outDir}/timed/index.html`, 'utf8');
    // A turn's time is the link after its speaker's name (Turn.astro).
    const times = [...timed.matchAll(/<\/h2><a href="([^"]*)">([^<]*)<\/a>/g)];
    expect(times.map(([, href, written]) => [href, written])).toEqual([
      ['https://youtu.be/dQw4w9WgXcQ?t=5s', '0:05'],
      ['https://youtu.be/dQw4w9WgXcQ?t=754s', '12:34'],
      ['https://youtu.be/dQw4w9WgXcQ?t=3723s', '1:02:03.5'],
    ]);
    expect(timed).not.toMatch(/<(audio|video|iframe)\b/);
    expect(timed.replaceAll(/<a href="https:\/\/youtu\.be\/[^"]*"/g, '')).not.toContain('youtu');
    expect(timed).not.toContain('media-src');
  });

  it('rebuilds after an edit with the last build’s cache: the edit shows on every page that shows it', () => {
    const work = `${OUTPUT}/rebuild`;
    const transcripts = `${work}/transcripts`;
    rmSync(work, { recursive: true, force: true });
    cpSync(GOOD, transcripts, { recursive: true });
    const first = buildSite(transcripts, work);
    expect(first.status, first.stderr).toBe(0);
    const read = (page: string) => readFileSync(`${first.outDir}/${page}`, 'utf8');
    const others = ['front-matter', 'same-day', 'continuation-lines'];
    const untouched = others.map((slug) => read(`${slug}/index.html`));
    // Every file but the search index's (the edit's new words make new ones), by path.
    const pages = () =>
      readdirSync(first.outDir, { recursive: true })
        .map(String)
        .filter((file) => !file.startsWith('search'))
        .sort();
    const built = pages();

    const words = () => read('earlier-panel/words.json');
    expect(words()).not.toContain('长颈鹿');

    // A new title, and new words in a turn; its place in the home page's order stays.
    const file = `${transcripts}/earlier-panel.md`;
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('title: An earlier panel', 'title: An earlier panel, revised')
        .replace('An earlier talk.', 'An earlier talk, revised.')
        .replace('早一些的讨论。', '早一些的讨论：长颈鹿。'),
    );
    const second = buildSite(transcripts, work);
    expect(second.status, second.stderr).toBe(0);
    const parsed = readdirSync(GOOD).length - 1;
    expect(second.output).toContain(`1 parsed, ${parsed} unchanged`);

    expect(read('earlier-panel/index.html')).toContain('An earlier talk, revised.');
    expect(read('index.html')).toContain('An earlier panel, revised');
    // Its words cut again (src/collection/words.ts keeps each transcript's), the new one a word.
    expect(words()).toContain('长颈鹿');
    // Another reader page shows nothing of it, its neighbours in the list included: each is as it
    // was, turns and all, and no page went missing.
    expect(others.map((slug) => read(`${slug}/index.html`))).toEqual(untouched);
    expect(pages()).toEqual(built);
    // And they are copied from the last build, not rendered again (Astro logs a copy as cached):
    // a rebuild's time is the edit's. Their modules' hash is the same from build to build.
    const log = stripVTControlCharacters(second.output);
    for (const slug of others) expect(log).toContain(`/${slug}/index.html (cached)`);

    rmSync(`${transcripts}/crlf-with-bom.md`);
    const third = buildSite(transcripts, work);
    expect(third.status, third.stderr).toBe(0);
    expect(pages()).toEqual(built.filter((file) => !file.startsWith('crlf-with-bom')));
  });
});
