/** Where the search index is written in the built site and served from. */
export const SEARCH_BUNDLE = 'pagefind';

/** Pagefind's ready-made interfaces, which Duet does not use: removed from the bundle. */
export const PAGEFIND_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/**
 * Where the build writes each transcript's search records
 * (`src/pages/search_records/[slug].json.ts`), for the index to read and
 * then remove: the underscore keeps it apart from every slug.
 */
export const SEARCH_RECORDS = 'search_records';

/** What one indexing did, written as JSON in Astro's cache folder for the benchmark to read. */
export interface SearchIndexReport {
  transcripts: number;
  records: number;
  /** The whole step: reading the records, indexing them, writing the bundle. */
  seconds: number;
}

/** The report's file name in Astro's cache folder. */
export const SEARCH_INDEX_REPORT = 'search-index.json';
