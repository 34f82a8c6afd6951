/**
 * The Atom feed of the transcripts (src/pages/[feed].xml.ts writes it),
 * made by the `feed` package, which does the escaping. Pure, for unit
 * tests. Nothing in it comes from the clock, so two builds of the same
 * sources write the same bytes. A feed reader knows nothing of the
 * reader's language mode, so a field given in both languages is written
 * in both, English first, as Both mode reads ("Press conference 记者会"),
 * and one given once is written once.
 */
import { Feed } from 'feed';
import { bothLanguages, type Localized } from './localized.ts';
import type { Listed } from './order.ts';
import { countTurns } from './strings.ts';
import { nameOf } from './transcript/speakers.ts';
import { escapeText } from './escape.ts';

/** Where the feed is, from the base. */
export const FEED_PATH = 'feed.xml';

/** What an entry needs of a transcript, listed in the home page's order (newest first, undated last). */
export interface FeedTranscript extends Listed {
  data: Listed['data'] & {
    description?: Localized | undefined;
    speakerKeys: readonly string[];
    speakers: Readonly<Record<string, { name: Localized }>>;
    turnCount: number;
  };
}

export interface FeedOptions {
  title: string;
  description: string;
  /** A path from the base (`''`, `ai-panel/`, `feed.xml`) as an absolute address. */
  url: (path: string) => string;
}

/**
 * Atom needs a time for every entry and for the feed. A transcript's is its
 * date; an undated one gets the Unix epoch, which says "unknown" and keeps
 * it last for readers that sort by date; the feed's is its newest entry's.
 */
const EPOCH = new Date(0);
/** The package writes an entry's title and summary as HTML: escaped, the text shows as written. */
const asHtml = escapeText;

const dayOf = (date: string | undefined) => (date ? new Date(`${date}T00:00:00Z`) : EPOCH);

export function atomFeed(
  transcripts: readonly FeedTranscript[],
  { title, description, url }: FeedOptions,
): string {
  const dates = transcripts.map((entry) => dayOf(entry.data.date));
  const feed = new Feed({
    id: url(''),
    link: url(''),
    title,
    description,
    updated: new Date(Math.max(EPOCH.getTime(), ...dates.map((date) => date.getTime()))),
    generator: false,
    author: { name: title },
    feedLinks: { atom: url(FEED_PATH) },
  });
  transcripts.forEach(({ id, data }, index) => {
    const link = url(`${id}/`);
    const names = data.speakerKeys.map((key) => bothLanguages(nameOf(data.speakers, key)));
    // A feed has no language mode: the count is in both languages.
    const summary = `${names.join(', ')} · ${bothLanguages(countTurns(data.turnCount))}`;
    const description = data.description && bothLanguages(data.description);
    feed.addItem({
      id: link,
      link,
      title: asHtml(bothLanguages(data.title)),
      date: dates[index]!,
      description: asHtml(description ? `${description} (${summary})` : summary),
    });
  });
  return feed.atom1();
}
