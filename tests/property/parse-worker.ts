/**
 * Parses in a worker thread, so that a parse running past its time budget
 * can be stopped (see timing.ts) instead of holding the test for minutes.
 */
import { parentPort } from 'node:worker_threads';
import { parseTranscript } from '../../src/lib/transcript/parse.ts';

export interface Request {
  source: string;
  file: string;
  slug: string;
}

export type Reply = { ok: true; accepted: boolean } | { ok: false; error: string };

parentPort!.on('message', ({ source, file, slug }: Request) => {
  let reply: Reply;
  try {
    reply = { ok: true, accepted: parseTranscript(source, { file, slug }).ok };
  } catch (error) {
    reply = {
      ok: false,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
  parentPort!.postMessage(reply);
});
