/**
 * The search index designs the spike compares: what each one gives
 * Pagefind's indexer for one transcript, and how a page searches it.
 * Chinese is always written as overlapping pairs (src/lib/search/terms.ts),
 * every record or page is indexed as English, as today.
 */
import type { CustomRecord } from 'pagefind';
import { recordMetaFields, recordsOf, searchableText } from './pagefind-records.ts';
import type { Turn } from '../../src/lib/transcript/schema.ts';
import type { Entry } from './corpus.ts';

/** One thing to index: a custom record, or an HTML page whose turns Pagefind splits into sub-results. */
export type Item =
  { kind: 'record'; record: CustomRecord } | { kind: 'html'; url: string; content: string };

/** How the measuring page loads the index and counts results. */
export interface ClientConfig {
  load:
    | { kind: 'one'; bundle: string }
    /** One bundle per script: a query with a Han character goes to `zh`, any other to `en`. */
    | { kind: 'by-script'; zh: string; en: string }
    /**
     * A shell bundle (Pagefind's script and WebAssembly, one dummy record) shared by every
     * page, into which the reader page merges its own transcript's index: `{slug}` in `merge`.
     */
    | { kind: 'shell'; shell: string; merge: string }
    /**
     * Site-wide shards, each an index of its own: the first one's script loads, the others
     * are merged into it. Their folders are listed in `<root>/shards.json`.
     */
    | { kind: 'shards'; root: string };
  /** What one result is: a record, or a sub-result (a turn of a page). */
  unit: 'record' | 'subresult';
  /** Each record is a whole turn (B, F), so a first round of ten records fills a screen. */
  recordIsTurn?: boolean;
  /** On a reader page, also search its own transcript through the `transcript` filter (today's way). */
  ownFilter: boolean;
}

export interface Design {
  id: string;
  summary: string;
  /** The items of one transcript (the `position`th of the corpus, from 0), by bundle folder (relative to the site's root). */
  itemsOf(entry: Entry, position: number): Record<string, Item[]>;
  /** Each transcript's bundle is an index of its own, written and dropped before the next. */
  perTranscript?: { shell: string };
  /** Bundles come one after another in the corpus: each is written and dropped once the next begins. */
  sequential?: { root: string };
  client: ClientConfig;
  /** The pages it is measured on: the site-wide search on `/`, or the seed's reader page. */
  pages: readonly ('home' | 'reader')[];
}

/** The meta fields every design's results carry (besides per-turn Chinese text in page designs). */
export const META_FIELDS = [...recordMetaFields, 'zh', 'en'];

/** Page designs carry each turn's Chinese text as meta `zh<N>`: turns go up to the seed's 46. */
export const TURN_META_FIELDS = Array.from({ length: 60 }, (_, i) => `zh${i + 1}`);

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** B's content: the English text, then the Chinese as pairs; meta `en` says where the English ends. */
function bothLanguages(turn: Turn): { content: string; enLength: number } {
  const content = `${turn.en.text}\n${searchableText(turn.zh.text)}`;
  return { content, enLength: turn.en.text.length };
}

/**
 * One turn as an element Pagefind makes a sub-result of: `id` and
 * `data-pagefind-title` (the speaker). The Chinese pairs are indexed; the
 * Chinese text as written rides along as meta `zh<N>`, not indexed, so a
 * result can show it (Pagefind's meta is per page, hence one field per turn).
 */
function turnHtml(turn: Turn): string {
  return [
    `<section id="turn-${turn.number}" data-pagefind-title="${escapeHtml(turn.speaker)}">`,
    `<p>${escapeHtml(turn.en.text)}</p>`,
    `<p>${escapeHtml(searchableText(turn.zh.text))}</p>`,
    `<span data-pagefind-ignore data-pagefind-meta="zh${turn.number}">${escapeHtml(turn.zh.text)}</span>`,
    `</section>`,
  ].join('');
}

function pageHtml(entry: Entry, turns: readonly Turn[]): string {
  const meta = (key: string, value: string) =>
    `<span data-pagefind-ignore data-pagefind-meta="${key}">${escapeHtml(value)}</span>`;
  return `<!doctype html><html lang="en"><body>${meta('slug', entry.slug)}${meta('transcript', entry.transcript.title.en)}${turns.map(turnHtml).join('')}</body></html>`;
}

function pagesOf(entry: Entry, size: number): Item[] {
  const { turns } = entry.transcript;
  const items: Item[] = [];
  for (let start = 0; start < turns.length; start += size) {
    const part = start / size + 1;
    // Pages that share a URL collapse into one, so each part has its own.
    const url = size >= turns.length ? `/${entry.slug}/` : `/${entry.slug}/${part}/`;
    items.push({ kind: 'html', url, content: pageHtml(entry, turns.slice(start, start + size)) });
  }
  return items;
}

/**
 * Transcripts per shard of H: about what one Pagefind index holds in well under 4 GB
 * (measured: ~1.6 GB for 500 transcripts in pages of 10 turns). SPIKE_SHARD overrides it, to
 * try the merging on a small corpus.
 */
export const SHARD = Number(process.env.SPIKE_SHARD ?? 1000);

const records = (list: CustomRecord[]): Item[] =>
  list.map((record) => ({ kind: 'record', record }));

const subResults = (bundle: string): ClientConfig => ({
  load: { kind: 'one', bundle },
  unit: 'subresult',
  ownFilter: false,
});

export const DESIGNS: readonly Design[] = [
  {
    id: 'A',
    summary: 'today: a record per turn and language; filters speaker, language, transcript',
    itemsOf: ({ slug, transcript }) => ({ 'pagefind-a': records(recordsOf(slug, transcript)) }),
    client: { load: { kind: 'one', bundle: 'pagefind-a' }, unit: 'record', ownFilter: true },
    pages: ['home', 'reader'],
  },
  {
    id: 'B',
    summary: 'a record per turn, both languages; no filters (speaker, language read from results)',
    itemsOf: ({ slug, transcript }) => ({
      'pagefind-b': records(
        transcript.turns.map((turn) => {
          const { content, enLength } = bothLanguages(turn);
          return {
            url: `/${slug}/#turn-${turn.number}`,
            content,
            language: 'en',
            meta: {
              slug,
              transcript: transcript.title.en,
              speaker: turn.speaker,
              turn: String(turn.number),
              zh: turn.zh.text,
              en: String(enLength),
            },
          };
        }),
      ),
    }),
    client: {
      load: { kind: 'one', bundle: 'pagefind-b' },
      unit: 'record',
      recordIsTurn: true,
      ownFilter: false,
    },
    pages: ['home'],
  },
  {
    id: 'C',
    summary: 'a page per transcript, each turn a sub-result; no filters',
    itemsOf: (entry) => ({ 'pagefind-c': pagesOf(entry, Infinity) }),
    client: subResults('pagefind-c'),
    pages: ['home'],
  },
  ...[10, 25].map((size): Design => ({
    id: `D${size}`,
    summary: `pages of ${size} turns, each turn a sub-result; no filters`,
    itemsOf: (entry) => ({ [`pagefind-d${size}`]: pagesOf(entry, size) }),
    client: subResults(`pagefind-d${size}`),
    pages: ['home'],
  })),
  {
    id: 'H',
    summary: `pages of 10 turns as D10, in site-wide shards of ${SHARD} transcripts merged in the browser, so that no indexer holds more`,
    itemsOf: (entry, position) => ({
      [`pagefind-h/${Math.floor(position / SHARD)}`]: pagesOf(entry, 10),
    }),
    sequential: { root: 'pagefind-h' },
    client: { load: { kind: 'shards', root: 'pagefind-h' }, unit: 'subresult', ownFilter: false },
    pages: ['home'],
  },
  {
    id: 'E',
    summary:
      'an index per transcript (records as A, filters speaker and language) merged into a shared shell on its reader page; `/` uses a site-wide design',
    itemsOf: ({ slug, transcript }) => ({
      [`pagefind-e/t/${slug}`]: records(
        recordsOf(slug, transcript).map(({ filters, ...record }) => ({
          ...record,
          filters: { speaker: filters.speaker, language: filters.language },
        })),
      ),
    }),
    perTranscript: { shell: 'pagefind-e/shell' },
    client: {
      load: { kind: 'shell', shell: 'pagefind-e/shell', merge: 'pagefind-e/t/{slug}' },
      unit: 'record',
      ownFilter: false,
    },
    pages: ['reader'],
  },
  {
    id: 'F',
    summary: 'a bundle per language, a record per turn in it; the query’s script picks the bundle',
    itemsOf: ({ slug, transcript }) => {
      const perLanguage = (language: 'zh' | 'en') =>
        records(
          recordsOf(slug, transcript)
            .filter((record) => record.meta.language === language)
            .map(({ filters: _filters, ...record }) => record),
        );
      return { 'pagefind-f/zh': perLanguage('zh'), 'pagefind-f/en': perLanguage('en') };
    },
    client: {
      load: { kind: 'by-script', zh: 'pagefind-f/zh', en: 'pagefind-f/en' },
      unit: 'record',
      recordIsTurn: true,
      ownFilter: false,
    },
    pages: ['home'],
  },
];

export function designById(id: string): Design {
  const design = DESIGNS.find((candidate) => candidate.id === id);
  if (!design) {
    throw new Error(`no design ${id}: the designs are ${DESIGNS.map((d) => d.id).join(', ')}`);
  }
  return design;
}
