/** Where the tests' own data lives and where their site is built. */

/**
 * The tests' transcripts, the e2e site's content. A folder of their own
 * beside the corpus's README.md: the build reads every `.md` of the folder
 * as a transcript.
 */
export const CORPUS = 'tests/fixtures/corpus/transcripts';
/** The corpus's copy of the seed, byte for byte, so assertions on the seed's turns hold for it. */
export const SEED_SLUG = 'alignment-panel';
export const SEED_FILE = `${CORPUS}/${SEED_SLUG}.md`;
/** The search query set: queries a reader might type, each with the seed's turn it should find. */
export const SEARCH_QUERIES = 'tests/fixtures/corpus/search-queries.json';
/** Where `npm run test:e2e` builds the corpus's site (with a cache of its own) and Playwright serves it: never `dist/`. */
export const E2E_WORK = 'tests/.output/e2e';
export const E2E_SITE = `${E2E_WORK}/dist`;
/**
 * The same site built for publishing under a sub-path, as on GitHub Pages:
 * the e2e tests that concern addresses run against it too (playwright.config.ts).
 */
export const PUBLISHED = { base: '/sub/duet', site: 'https://example.org' } as const;
export const E2E_PUBLISHED_WORK = 'tests/.output/e2e-published';
export const E2E_PUBLISHED_SITE = `${E2E_PUBLISHED_WORK}/dist`;
/**
 * The same site built with the `sharePages` setting off: a site with no file
 * per turn, whose "Copy link" copies the permalink (the tests tagged
 * @no-share-pages run against it).
 */
export const E2E_NO_SHARE_WORK = 'tests/.output/e2e-no-share';
export const E2E_NO_SHARE_SITE = `${E2E_NO_SHARE_WORK}/dist`;
/**
 * The seed as a recorded talk (./timed-seed.ts), its source and its site built
 * alone: the budget of a reader with a recording is measured on it.
 */
export const E2E_TIMED_WORK = 'tests/.output/e2e-timed';
export const E2E_TIMED_TRANSCRIPTS = `${E2E_TIMED_WORK}/transcripts`;
export const E2E_TIMED_SITE = `${E2E_TIMED_WORK}/dist`;
