/**
 * A turn's share page, `/<slug>/turn-N/`: what a link preview shows of one
 * turn (a preview cannot see the `#turn-N` of a permalink), and a way on
 * to the turn on its reader page: a refresh to it, and a link for when
 * refreshes are off. No script, no styles: there is one for every turn of
 * the site, so it is kept to a few hundred bytes beside its quote, which
 * it carries once: as `og:description`, which previews read (a `description`
 * beside it was a third of the page, for search engines, which the page's
 * refresh sends on to the reader anyway). With
 * no script there is no language mode: what it shows is in both languages,
 * as the reader without script shows it. Pure, for unit tests;
 * src/integrations/share-pages.ts writes the files.
 */
import { NO_CODE_POLICY } from './csp.ts';
import { bothLanguages, isSame, type Localized } from './localized.ts';
import { fill, shareStrings, timeStrings } from './strings.ts';
import { languageTags } from './transcript/language.ts';
import { clip, pageTitle } from './titles.ts';
import { formatTime } from './transcript/times.ts';
import { escapeAttribute } from './escape.ts';

export interface ShareTurn {
  /** The transcript's title. */
  title: Localized;
  turn: number;
  /** The speaker's name. */
  speaker: Localized;
  /** What a reader sees of the turn's Chinese and English text, one line per paragraph. */
  zh: string;
  en: string;
  /** Where the turn starts in the recording, in seconds, when its label gives it. */
  start?: number | undefined;
}

export interface ShareAddresses {
  /** The site's name, for `og:site_name` and the page title. */
  siteName: string;
  /** Where the turn is read, `/<base>/<slug>/#turn-N`: the refresh and the link go there. */
  reader: string;
  /** The share page's own absolute address, when the site has a URL. */
  canonical?: string | undefined;
  /** The favicon's address, so the tab shows the site's icon for the moment the page is up. */
  icon: string;
}

/** What previews show of a description: longer is cut by most of them anyway. */
export const QUOTE_LENGTH = 200;
/** The Chinese part's share of the quote when both do not fit: a Chinese character says about three Latin letters' worth. */
const CHINESE_LENGTH = 60;

/**
 * The turn quoted in both languages, Chinese first, within QUOTE_LENGTH
 * characters; a timed turn's start before it (`12:34 · …`), where a
 * preview's reader sees when in the recording it was said.
 */
export function quoteTurn({ zh, en, start }: Pick<ShareTurn, 'zh' | 'en' | 'start'>): string {
  const time = start === undefined ? '' : `${formatTime(start)} · `;
  const joiner = ' / ';
  const whole = `${time}${clip(zh, Infinity)}${joiner}${clip(en, Infinity)}`;
  if ([...whole].length <= QUOTE_LENGTH) return whole;
  const chinese = `${time}${clip(zh, CHINESE_LENGTH)}`;
  return `${chinese}${joiner}${clip(en, QUOTE_LENGTH - [...chinese].length - joiner.length)}`;
}

/** What the page's heading says: the speaker, in the transcript, in each language. */
export const shareHeading = ({ speaker, title }: Pick<ShareTurn, 'speaker' | 'title'>) =>
  fill(shareStrings.title, { speaker, title });

/**
 * What the preview's title says: the speaker, in the transcript. A preview
 * cannot follow the reader's language mode, so each is named in the
 * languages it has, English first, as Both mode reads (src/lib/feed.ts
 * does the same).
 */
export const shareTitle = ({ speaker, title }: Pick<ShareTurn, 'speaker' | 'title'>) =>
  fill(shareStrings.title, { speaker: bothLanguages(speaker), title: bothLanguages(title) }).en;

/** Every value goes into text and double-quoted attributes alike. */
const escapeHtml = escapeAttribute;

/** Text in both languages, as the page shows it: its language, English, then the Chinese marked. */
const inBoth = (value: Localized) =>
  isSame(value)
    ? escapeHtml(value.en)
    : `${escapeHtml(value.en)} <span lang="${languageTags.zh}">${escapeHtml(value.zh)}</span>`;

/** The share page's HTML. */
export function sharePage(turn: ShareTurn, addresses: ShareAddresses): string {
  const heading = shareHeading(turn);
  const full = shareTitle(turn);
  const title = escapeHtml(full);
  const quote = escapeHtml(quoteTurn(turn));
  const reader = escapeHtml(addresses.reader);
  const canonical = addresses.canonical && escapeHtml(addresses.canonical);
  const site = escapeHtml(addresses.siteName);
  const link = inBoth(
    turn.start === undefined
      ? fill(shareStrings.read, { number: turn.turn })
      : fill(timeStrings.readAt, { number: turn.turn, time: formatTime(turn.start) }),
  );
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="content-security-policy" content="${NO_CODE_POLICY}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(pageTitle(full, addresses.siteName))}</title>` +
    `<meta http-equiv="refresh" content="0; url=${reader}">` +
    (canonical ? `<link rel="canonical" href="${canonical}">` : '') +
    `<meta property="og:type" content="article"><meta property="og:site_name" content="${site}">` +
    `<meta property="og:title" content="${title}"><meta property="og:description" content="${quote}">` +
    (canonical ? `<meta property="og:url" content="${canonical}">` : '') +
    `<meta name="twitter:card" content="summary">` +
    `<link rel="icon" href="${escapeHtml(addresses.icon)}" type="image/svg+xml">` +
    `</head><body><main><h1>${inBoth(heading)}</h1><p><a href="${reader}">${link}</a></p></main></body></html>\n`
  );
}
