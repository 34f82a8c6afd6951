/**
 * The Atom feed of the transcripts (src/pages/[feed].xml.ts writes it),
 * made by the `feed` package, which does the escaping. Pure, for unit
 * tests. Nothing in it comes from the clock, so two builds of the same
 * sources write the same bytes.
 */
import { Feed } from 'feed';
import type { Listed } from './order.ts';
import { countTurns } from './strings.ts';
import { bothLanguages } from './localized.ts';

/** Where the feed is, from the base. */
export const FEED_PATH = 'feed.xml';

/** What an entry needs of a transcript, listed in the home page's order (newest first, undated last). */
export interface FeedTranscript extends Listed {
  data: Listed['data'] & {
    description?: string | undefined;
    speakerNames: readonly string[];
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
const asHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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
    // A feed has no language mode: the count is in both languages.
    const summary = `${data.speakerNames.join(', ')} · ${bothLanguages(countTurns(data.turnCount))}`;
    feed.addItem({
      id: link,
      link,
      title: asHtml(data.title),
      date: dates[index]!,
      description: asHtml(data.description ? `${data.description} (${summary})` : summary),
    });
  });
  return feed.atom1();
}
