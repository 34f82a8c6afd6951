/** The shape of bench/results.json: one run of `npm run bench`. */
import type { BuildResult } from './build.ts';
import type { DictionaryResult } from './dictionary.ts';
import type { BudgetCheck } from './gate.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { FirstViewRow } from './first-view.ts';
import type { HostileInputRow } from './hostile-input.ts';
import type { LongPageResult } from './long-page.ts';
import type { RecallResult } from './recall.ts';
import type { FirstView, HtmlBytes } from './measure-page.ts';
import type { RunInfo } from './run-info.ts';
import type { SearchSummary } from './search.ts';
import type { GlossaryPages, SiteFiles } from './site-files.ts';

export interface SizeResult {
  /** Transcripts in the build: the seed and the synthetic ones. */
  transcripts: number;
  /** Turns in all of them. */
  turns: number;
  /** The build from nothing: its own, empty cache folder. */
  build: BuildResult;
  /** At the sizes BUDGETS.rebuild names: the build again after editing one transcript, with the cold build's cache. */
  rebuild?: BuildResult & { edited: string };
  /** The built site's files and bytes, in parts. */
  dist: SiteFiles;
  /** The site glossary's pages; undefined where no transcript glosses a term. */
  glossary: GlossaryPages | undefined;
  /** The dictionary's files (the words files, the shards) and the time to make them. */
  dictionary: DictionaryResult;
  /** The seed's reader page, `/<seed>/index.html`. */
  readerHtml: HtmlBytes;
  /** Scripts and stylesheets the seed's reader page loads before interaction. */
  firstView: FirstView;
  /** The same page's whole first view, every request, against its floor. */
  againstFloor: FirstViewRow;
  /** The fixed queries on the seed's reader page, on it widened to all transcripts, and on `/`. */
  search: SearchSummary[];
  /** Phrases copied from the site's turns, and hostile queries, on `/`. */
  recall: RecallResult;
}

export interface BenchResults extends RunInfo {
  prngSeed: number;
  /** Every gzip size is node:zlib's gzip at this level. */
  gzipLevel: number;
  /** Bytes in a KB in every table. */
  kilobyte: number;
  sizes: SizeResult[];
  /** Against the build of the seed alone; empty when skipped. */
  lighthouse: LighthouseResult[];
  /** Lighthouse on the seed's floor page, beside the site's pages; absent when skipped. */
  floorLighthouse: LighthouseResult | undefined;
  /** The 500-turn page, with and without content-visibility. */
  longPage: LongPageResult;
  /** The parser and `npm run check` on input written to be slow. */
  hostileInput: HostileInputRow[];
  budgets: BudgetCheck[];
}
