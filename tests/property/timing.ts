/** Parses with a time limit, in a worker thread that is stopped and replaced when the limit passes. */
import { Worker } from 'node:worker_threads';
import type { Reply, Request } from './parse-worker.ts';

export type Timed = Reply & { milliseconds: number };

const WORKER = new URL('./parse-worker.ts', import.meta.url);
const WARM_UP: Request = {
  source: '**A:** 你好。\n**A:** Hello.\n',
  file: 'warm-up.md',
  slug: 'warm-up',
};

export class TimedParser {
  #worker: Worker | undefined;

  /** The parse's outcome and duration, or undefined when it ran past `limit` milliseconds. */
  async parse(request: Request, limit: number): Promise<Timed | undefined> {
    const worker = await this.#ready();
    const start = performance.now();
    const reply = await new Promise<Reply | undefined>((resolve, reject) => {
      const timer = setTimeout(() => resolve(undefined), limit);
      worker.once('message', (message: Reply) => {
        clearTimeout(timer);
        resolve(message);
      });
      worker.once('error', reject);
      worker.postMessage(request);
    });
    const milliseconds = performance.now() - start;
    worker.removeAllListeners('message').removeAllListeners('error');
    if (reply) return { ...reply, milliseconds };
    await this.stop();
    return undefined;
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  /** A worker that has parsed once: loading the parser is not part of any parse's time. */
  async #ready(): Promise<Worker> {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER);
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(WARM_UP);
    });
    worker.removeAllListeners('message').removeAllListeners('error');
    this.#worker = worker;
    return worker;
  }
}
