/** Where the site index is written in the built site and served from (src/lib/search/site-index/). */
export const SEARCH_BUNDLE = 'search';

/**
 * Where the build writes each transcript's search record
 * (`src/pages/search_records/[slug].json.ts`), for the index to read and
 * then remove: the underscore keeps it apart from every slug.
 */
export const SEARCH_RECORDS = 'search_records';

/** What one indexing did, written as JSON in Astro's cache folder for the benchmark to read. */
export interface SearchIndexReport {
  transcripts: number;
  turns: number;
  /** Documents indexed: one per turn and language, twice the turns. */
  records: number;
  /** Distinct terms, speakers' included. */
  terms: number;
  shards: number;
  /** Every file of the index: fragments, shards, continuations, the manifest. */
  files: number;
  /** The files this build wrote: all of them, but where the last build's were kept (kept-files.ts). */
  written: number;
  /**
   * The groups of shards whose lists this build made (src/integrations/search-lists.ts):
   * all of them, but where it mended the last build's.
   */
  listGroups: number;
  /** The whole step: reading the records, indexing them, writing the index. */
  seconds: number;
}

/** The report's file name in Astro's cache folder. */
export const SEARCH_INDEX_REPORT = 'search-index.json';
