/**
 * The search index's build in a thread of its own (search-index.ts): it
 * writes the index as `writeSearchIndex` does and answers with its report.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndex, type WriteOptions } from './search-index.ts';

const { site, options } = workerData as { site: string; options: WriteOptions };
parentPort!.postMessage(await writeSearchIndex(site, options));
