/**
 * The writer's postings while the site streams in: typed arrays, never an
 * object per posting, so 5,000 transcripts (about 40 million postings) fit
 * in a few hundred MB. Each term's postings are a chain of small cells in
 * one arena; the arena grows in chunks, so growing copies nothing.
 */

type Typed = Uint32Array | Int32Array | Uint8Array;

/** Numbers in fixed-size typed-array chunks, indexed as one array. */
class Chunked<T extends Typed> {
  readonly #chunks: T[] = [];
  readonly #make: (length: number) => T;
  static readonly BITS = 16;
  static readonly SIZE = 1 << Chunked.BITS;

  constructor(make: (length: number) => T) {
    this.#make = make;
  }

  get(index: number): number {
    return this.#chunks[index >>> Chunked.BITS]![index & (Chunked.SIZE - 1)]!;
  }

  set(index: number, value: number): void {
    const chunk = index >>> Chunked.BITS;
    while (this.#chunks.length <= chunk) this.#chunks.push(this.#make(Chunked.SIZE));
    this.#chunks[chunk]![index & (Chunked.SIZE - 1)] = value;
  }

  get bytes(): number {
    return this.#chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  }
}

export const uint32s = () => new Chunked((length) => new Uint32Array(length));

/** Postings per cell: small, so a term seen once wastes little; large enough that links cost little. */
const CELL = 8;
/** Term frequencies are kept up to this; BM25 has long stopped rising there. */
export const MAX_FREQUENCY = 255;

export class PostingStore {
  /** Per cell slot: the document, and the term's frequency in it. */
  readonly #documents = uint32s();
  readonly #frequencies = new Chunked((length) => new Uint8Array(length));
  /** Per cell: the next cell of the same term, or -1. */
  readonly #next = new Chunked((length) => new Int32Array(length));
  #cells = 0;
  /** Per term: its first and last cell, and its number of postings. */
  readonly #head = uint32s();
  readonly #tail = uint32s();
  readonly #count = uint32s();
  #terms = 0;
  #postings = 0;

  /** Starts the postings of a new term, numbered from 0 in the order added. */
  addTerm(): number {
    const term = this.#terms++;
    const cell = this.#newCell();
    this.#head.set(term, cell);
    this.#tail.set(term, cell);
    this.#count.set(term, 0);
    return term;
  }

  /** Adds a posting; a term's documents must come in ascending order. */
  add(term: number, document: number, frequency: number): void {
    const count = this.#count.get(term);
    let cell = this.#tail.get(term);
    if (count > 0 && count % CELL === 0) {
      const next = this.#newCell();
      this.#next.set(cell, next);
      this.#tail.set(term, next);
      cell = next;
    }
    const slot = cell * CELL + (count % CELL);
    this.#documents.set(slot, document);
    this.#frequencies.set(slot, Math.min(frequency, MAX_FREQUENCY));
    this.#count.set(term, count + 1);
    this.#postings++;
  }

  /** How many documents hold the term. */
  df(term: number): number {
    return this.#count.get(term);
  }

  /** A term's documents, ascending, and its frequency in each. */
  postings(term: number): { documents: Uint32Array; frequencies: Uint8Array } {
    const count = this.#count.get(term);
    const documents = new Uint32Array(count);
    const frequencies = new Uint8Array(count);
    let cell = this.#head.get(term);
    for (let i = 0; i < count; i++) {
      if (i > 0 && i % CELL === 0) cell = this.#next.get(cell);
      const slot = cell * CELL + (i % CELL);
      documents[i] = this.#documents.get(slot);
      frequencies[i] = this.#frequencies.get(slot);
    }
    return { documents, frequencies };
  }

  get terms(): number {
    return this.#terms;
  }

  get size(): number {
    return this.#postings;
  }

  /** The arena's typed arrays, in bytes. */
  get bytes(): number {
    return [
      this.#documents,
      this.#frequencies,
      this.#next,
      this.#head,
      this.#tail,
      this.#count,
    ].reduce((sum, array) => sum + array.bytes, 0);
  }

  #newCell(): number {
    const cell = this.#cells++;
    this.#next.set(cell, -1);
    return cell;
  }
}
