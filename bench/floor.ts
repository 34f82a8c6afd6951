/**
 * The floor of a reader page: the transcript's text as one minimal HTML
 * page (its title, each turn's speaker, its start in the recording where
 * its label gives one, and both languages, one `<p>` per paragraph, and
 * nothing else but what makes the page a page on a phone: the character
 * set and the viewport; one request, no icon). No page that shows the same
 * text can transfer much less, so the reader's first view is measured
 * against it. The title and the speakers' names are in each language they
 * are given in, as Both mode shows them. A turn's time is text its source
 * writes (`**Josh [12:34]:**`), so it is the floor's, as plain text after
 * the speaker; the link that plays from it, the player, and their code and
 * styles are not. Imports only types, Node built-ins and the site's pure
 * modules: the end-to-end tests import it from the root.
 */
import { bothLanguages } from '../src/lib/localized.ts';
import type { Transcript } from '../src/lib/transcript/schema.ts';
import { nameOf } from '../src/lib/transcript/speakers.ts';
import { formatTime } from '../src/lib/transcript/times.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (character) => ESCAPES[character]!);

/** One `<p>` per line of a block's visible text. */
const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');

/** The floor page of `transcript`, as a string of HTML. */
export function floorPage(transcript: Transcript): string {
  const title = escape(bothLanguages(transcript.title));
  const turns = transcript.turns.map(
    (turn) =>
      `<h2>${escape(bothLanguages(nameOf(transcript.speakers, turn.speaker)))}` +
      `${turn.start === undefined ? '' : ` ${formatTime(turn.start)}`}</h2>` +
      `<div lang="zh-Hans">${paragraphs(turn.zh.text)}</div>` +
      `<div lang="en">${paragraphs(turn.en.text)}</div>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No icon, and no request for one: the browser would otherwise ask for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${title}</title>`,
    `<h1>${title}</h1>`,
    ...turns,
    '',
  ].join('\n');
}
