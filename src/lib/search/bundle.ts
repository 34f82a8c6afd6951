/** Where the search index is written in the built site and served from. */
export const SEARCH_BUNDLE = 'pagefind';
