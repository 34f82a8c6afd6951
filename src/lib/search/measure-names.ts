/**
 * The performance marks the search sets in the page: from the last
 * keystroke (or filter change) to the first results on screen. The
 * benchmark and the tests read them; the page sets them.
 */
export const INPUT_MARK = 'duet:search-input';
export const RESULTS_MEASURE = 'duet:search-results';
