/**
 * Turns the site's search records into the site index's files (see
 * format.ts). Transcripts stream in one at a time: each turn's fragment is
 * handed back at once for the caller to write, and only the postings stay,
 * in typed arrays (postings.ts). `finish()` then yields the shards and
 * continuations one by one, and the manifest last. The same records in the
 * same order give byte-identical files.
 */
import { same } from '../../localized.ts';
import { languages, type Language } from '../../transcript/language.ts';
import type { SearchRecord } from '../records.ts';
import { frequencyPart } from '../score.ts';
import { textTerms } from '../terms.ts';
import { Digest } from './digest.ts';
import {
  CONTINUATION_BLOCK,
  continuationPath,
  documentOf,
  encodeBlock,
  FIRST_BLOCK,
  FORMAT,
  fragmentPath,
  MANIFEST,
  powerOfTwoAtLeast,
  SHARD_POSTINGS,
  SHARD_TERMS,
  shardOf,
  shardPath,
  SPEAKER_PREFIX,
  speakerTerms,
  WEIGHT_LEVELS,
  type Fragment,
  type Manifest,
  type Posting,
  type PostingList,
  type Shard,
  type ShardEntry,
} from './format.ts';
import { PostingStore, uint32s } from './postings.ts';

/** A file of the index: its path under `search/`, and its text. */
export interface IndexFile {
  path: string;
  text: string;
}

export interface SiteIndexOptions {
  /** Postings in a term's first block, in its shard. Default `FIRST_BLOCK` (128). */
  firstBlock?: number;
  /** Postings per continuation file. Default `CONTINUATION_BLOCK` (512). */
  continuationBlock?: number;
  /** Terms a shard should hold on average, at most. Default `SHARD_TERMS` (256). */
  shardTerms?: number;
  /** First-block postings a shard should hold on average, at most. Default `SHARD_POSTINGS` (2,048). */
  shardPostings?: number;
}

export interface SiteIndexCounts {
  transcripts: number;
  turns: number;
  documents: number;
  terms: number;
  postings: number;
  shards: number;
  /** Every file written: fragments, shards, continuations and the manifest. */
  files: number;
}

/** A text's terms as the index counts them: how many it has, and each distinct one's count, in order of first use. */
export interface TermCounts {
  length: number;
  counts: [term: string, count: number][];
}

/** One turn's texts, counted. */
export type AnalysedTurn = Record<Language, TermCounts>;

/** Counts the terms of every turn of a transcript, in both languages: what `add` needs of its text. */
export function analyse(record: SearchRecord): AnalysedTurn[] {
  return record.turns.map((turn) => {
    const count = (text: string): TermCounts => {
      const terms = textTerms(text);
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      return { length: terms.length, counts: [...counts] };
    };
    return { zh: count(turn.zh), en: count(turn.en) };
  });
}

export class SiteIndexWriter {
  readonly #options: Required<SiteIndexOptions>;
  /** Per language, a term to the id of its posting list in that language's documents. */
  readonly #ids: Record<Language, Map<string, number>> = { zh: new Map(), en: new Map() };
  /** Per posting list: its term and language. */
  readonly #terms: string[] = [];
  readonly #languages: Language[] = [];
  readonly #store = new PostingStore();
  /** Per document: its number of terms, for BM25's length normalisation. */
  readonly #lengths = uint32s();
  readonly #totalLength: Record<Language, number> = { zh: 0, en: 0 };
  #transcripts = 0;
  #turns = 0;
  #distinctTerms = 0;
  #files = 0;
  #shards = 0;
  #finished = false;
  readonly #digest = new Digest();

  constructor(options: SiteIndexOptions = {}) {
    this.#options = {
      firstBlock: options.firstBlock ?? FIRST_BLOCK,
      continuationBlock: options.continuationBlock ?? CONTINUATION_BLOCK,
      shardTerms: options.shardTerms ?? SHARD_TERMS,
      shardPostings: options.shardPostings ?? SHARD_POSTINGS,
    };
  }

  /**
   * Indexes one transcript's turns; returns their fragments, to be written
   * now. `analysed` is `analyse(record)`, when the caller kept it from an
   * earlier build: it is most of the work.
   */
  add(record: SearchRecord, analysed: AnalysedTurn[] = analyse(record)): IndexFile[] {
    if (this.#finished) throw new Error('the site index is finished: no transcript can be added');
    if (analysed.length !== record.turns.length) {
      throw new Error(`the analysis of ${record.slug} is not of its ${record.turns.length} turns`);
    }
    this.#transcripts++;
    return record.turns.flatMap((turn, index) => {
      const number = this.#turns++;
      return languages.map((language) => {
        const document = documentOf(number, language);
        const { length, counts } = analysed[index]![language];
        for (const [term, frequency] of counts) {
          this.#store.add(this.#listId(term, language), document, frequency);
        }
        const name = record.names[turn.speaker] ?? same(turn.speaker);
        for (const term of speakerTerms(turn.speaker, name)) {
          this.#store.add(this.#listId(term, language), document, 1);
        }
        this.#lengths.set(document, length);
        this.#totalLength[language] += length;
        const fragment: Fragment = {
          slug: record.slug,
          title: record.title,
          speaker: turn.speaker,
          name,
          turn: turn.turn,
          text: turn[language],
        };
        const text = JSON.stringify(fragment);
        // The fragments hold every input, in order: the digest of the index is theirs.
        this.#digest.update(text);
        return this.#file(fragmentPath(document), text);
      });
    });
  }

  /**
   * The shards, each after its continuations, then the manifest. Nothing can
   * be added afterwards; the postings are read once, a list at a time.
   */
  *finish(): Generator<IndexFile> {
    if (this.#finished) throw new Error('the site index is finished already');
    this.#finished = true;
    const { firstBlock, shardTerms, shardPostings } = this.#options;
    // A term's lists in both languages, by term.
    const byTerm = new Map<string, Partial<Record<Language, number>>>();
    let firstPostings = 0;
    for (const [id, term] of this.#terms.entries()) {
      let lists = byTerm.get(term);
      if (!lists) byTerm.set(term, (lists = {}));
      lists[this.#languages[id]!] = id;
      firstPostings += Math.min(this.#store.df(id), firstBlock);
    }
    this.#distinctTerms = byTerm.size;
    const shards = powerOfTwoAtLeast(
      Math.max(byTerm.size / shardTerms, firstPostings / shardPostings),
    );
    this.#shards = shards;

    const byShard: string[][] = Array.from({ length: shards }, () => []);
    for (const term of byTerm.keys()) byShard[shardOf(term, shards)]!.push(term);
    for (const [shard, terms] of byShard.entries()) {
      const entries: Shard = [];
      const numbering = { continuations: 0 };
      for (const term of terms.sort(compare)) {
        const lists = byTerm.get(term)!;
        const zh = yield* this.#list(shard, lists.zh, numbering);
        const en = yield* this.#list(shard, lists.en, numbering);
        entries.push([term, zh, en] satisfies ShardEntry);
      }
      yield this.#file(shardPath(shard), JSON.stringify(entries));
    }
    yield this.#manifest();
  }

  /** What the index holds so far, and how many files it has written. */
  get counts(): SiteIndexCounts {
    return {
      transcripts: this.#transcripts,
      turns: this.#turns,
      documents: this.#turns * 2,
      terms: this.#distinctTerms,
      postings: this.#store.size,
      shards: this.#shards,
      files: this.#files,
    };
  }

  /** The bytes of the postings' typed arrays, for measuring the writer. */
  get postingBytes(): number {
    return this.#store.bytes;
  }

  #listId(term: string, language: Language): number {
    const ids = this.#ids[language];
    let id = ids.get(term);
    if (id === undefined) {
      id = this.#store.addTerm();
      ids.set(term, id);
      this.#terms.push(term);
      this.#languages.push(language);
    }
    return id;
  }

  /** A posting list's shard entry, after its continuation files; 0 for a list no document has. */
  *#list(
    shard: number,
    id: number | undefined,
    numbering: { continuations: number },
  ): Generator<IndexFile, PostingList | 0> {
    if (id === undefined) return 0;
    const { firstBlock, continuationBlock } = this.#options;
    const ranked = this.#ranked(id);
    const first = encodeBlock(ranked.slice(0, firstBlock));
    if (ranked.length <= firstBlock) return [ranked.length, first];
    const continuation = numbering.continuations++;
    for (let start = firstBlock, block = 1; start < ranked.length; block++) {
      const postings = ranked.slice(start, start + continuationBlock);
      start += continuationBlock;
      yield this.#file(
        continuationPath(shard, continuation, block),
        JSON.stringify(encodeBlock(postings)),
      );
    }
    return [ranked.length, first, continuation];
  }

  /**
   * A list's postings, best first: by weight, the BM25 term-frequency part
   * with its language's average length (the idf is the same for every
   * posting of a list, so the reader adds it), then by document. Weights
   * are small integers, so a counting sort over the postings (already in
   * document order) does it in one pass. A speaker's postings all weigh
   * the same: the filter matches or not.
   */
  #ranked(id: number): Posting[] {
    const { documents, frequencies } = this.#store.postings(id);
    const isSpeaker = this.#terms[id]!.startsWith(SPEAKER_PREFIX);
    const average = this.#totalLength[this.#languages[id]!] / this.#turns || 1;
    const weights = new Uint8Array(documents.length);
    const buckets = new Uint32Array(WEIGHT_LEVELS + 2);
    for (const [i, document] of documents.entries()) {
      let weight = WEIGHT_LEVELS;
      if (!isSpeaker) {
        const frequency = frequencies[i]!;
        const part = frequencyPart(frequency, this.#lengths.get(document), average);
        weight = Math.min(WEIGHT_LEVELS, Math.max(1, Math.round(part * WEIGHT_LEVELS)));
      }
      weights[i] = weight;
      buckets[WEIGHT_LEVELS - weight + 1]!++;
    }
    // Start of each weight's place, heaviest first.
    for (let i = 1; i < buckets.length; i++) buckets[i]! += buckets[i - 1]!;
    const ranked = new Array<Posting>(documents.length);
    for (const [i, document] of documents.entries()) {
      const weight = weights[i]!;
      ranked[buckets[WEIGHT_LEVELS - weight]!++] = { document, weight };
    }
    return ranked;
  }

  #manifest(): IndexFile {
    const counts = this.counts;
    const described: Omit<Manifest, 'version'> = {
      format: FORMAT,
      shards: this.#shards,
      firstBlock: this.#options.firstBlock,
      continuationBlock: this.#options.continuationBlock,
      transcripts: counts.transcripts,
      turns: counts.turns,
      documents: counts.documents,
      terms: counts.terms,
    };
    // The rest of the index follows from the fragments and these settings.
    this.#digest.update(JSON.stringify(described));
    const manifest: Manifest = { ...described, version: this.#digest.hex() };
    this.#files++;
    return { path: MANIFEST, text: JSON.stringify(manifest) };
  }

  #file(path: string, text: string): IndexFile {
    this.#files++;
    return { path, text };
  }
}

/** Code-unit order: the same in every locale, unlike `localeCompare`. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
