/** Where the search index is written in the built site and served from. */
export const SEARCH_BUNDLE = 'pagefind';

/**
 * Where the build writes each transcript's search records
 * (`src/pages/search_records/[slug].json.ts`), for the index to read and
 * then remove: the underscore keeps it apart from every slug.
 */
export const SEARCH_RECORDS = 'search_records';
