/**
 * The search of a reader page: its turns are all in the page already, in
 * both languages, so they are searched where they stand, with no index to
 * fetch. They are read once, the first time the reader searches, into the
 * same terms the site index is built from (src/lib/search/terms.ts), so a
 * query finds the same turns here as on `/`.
 */
import { hitOf, rank, type ReadHit, type SearchOutcome } from '../../lib/search/rank.ts';
import { scoreTerms } from '../../lib/search/score.ts';
import { answers, pieceTerms, piecesOf, type SearchQuery } from '../../lib/search/terms.ts';
import { languages, type Language } from '../../lib/transcript/language.ts';
import { parseTime } from '../../lib/transcript/times.ts';
import { turnNumber } from '../../lib/turn-id.ts';
import type { Localized } from '../../lib/localized.ts';
import { nameInTurn, pageSpeakers, said, speakerKeyOf } from '../speakers.ts';
import { TIME_LINK } from '../transcript-turns.ts';
import { TEXT_SELECTOR, writtenText } from '../turn-text.ts';

export interface PageFilters {
  /** The speaker's key. */
  speaker?: string | undefined;
  language?: Language | undefined;
}

interface PageText {
  turn: number;
  /** The speaker's key, and their name as the turn shows it. */
  speaker: string;
  name: Localized;
  /** Where the turn starts in the recording, in seconds, when its label gives it. */
  start: number | undefined;
  language: Language;
  text: string;
  /** How often each index term stands in the text. */
  counts: Map<string, number>;
  /** How many terms the text has in all. */
  length: number;
  /** Its words and Han runs, for a word the reader is still typing. */
  pieces: string[];
}

interface PageTurns {
  slug: string;
  transcript: Localized;
  texts: PageText[];
  /** The mean length of a text in terms, for scoring. */
  meanLength: number;
}

function counted(text: string): Pick<PageText, 'counts' | 'length' | 'pieces'> {
  const pieces = piecesOf(text);
  const counts = new Map<string, number>();
  let length = 0;
  for (const term of pieces.flatMap(pieceTerms)) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    length++;
  }
  return { counts, length, pieces };
}

function readPage(slug: string): PageTurns {
  const texts: PageText[] = [];
  const speakers = pageSpeakers();
  for (const article of document.querySelectorAll<HTMLElement>('article.turn[id]')) {
    const turn = turnNumber(article.id);
    if (turn === undefined) continue;
    const speaker = speakerKeyOf(article, speakers);
    const name = nameInTurn(article);
    // A turn whose time is a link holds its start there, as written (Turn.astro).
    const time = article.querySelector(TIME_LINK)?.textContent;
    const seconds = article.dataset.start;
    const start = time ? parseTime(time) : seconds === undefined ? undefined : Number(seconds);
    for (const language of languages) {
      const block = article.querySelector(TEXT_SELECTOR[language]);
      if (!block) continue;
      // As written: the Simplified characters, without pinyin, whichever aids are shown.
      const text = writtenText(block);
      texts.push({ turn, speaker, name, start, language, text, ...counted(text) });
    }
  }
  const title = document.querySelector('h1');
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  return {
    slug,
    transcript: title ? said(title) : { en: '', zh: '' },
    texts,
    meanLength: texts.length > 0 ? total / texts.length : 0,
  };
}

let page: PageTurns | undefined;

/** The turns of this page that answer the query, best first, as the site search ranks them. */
export function searchPage(query: SearchQuery, slug: string, filters: PageFilters): SearchOutcome {
  // Read once: the turns' text as written does not change while the page is open.
  if (page?.slug !== slug) page = readPage(slug);
  const { texts, transcript, meanLength } = page;
  const holding = texts.filter(
    (text) =>
      (!filters.speaker || text.speaker === filters.speaker) &&
      (!filters.language || text.language === filters.language) &&
      answers(
        query,
        (term) => text.counts.has(term),
        () => text.pieces,
      ),
  );
  const documents = texts.length;
  const frequency = new Map(
    query.keys.map((key) => [key, texts.filter((text) => text.counts.has(key)).length]),
  );
  const scored = holding
    .map((text) => ({
      text,
      score: scoreTerms(query.keys, text.counts, text.length, meanLength, documents, frequency),
    }))
    .sort((a, b) => b.score - a.score || a.text.turn - b.text.turn);
  const read: ReadHit[] = scored.map(({ text }) =>
    hitOf(
      {
        slug,
        transcript,
        speaker: text.name,
        turn: text.turn,
        ...(text.start !== undefined && { start: text.start }),
        language: text.language,
        text: text.text,
      },
      query,
    ),
  );
  return rank(query, read, false, slug);
}
