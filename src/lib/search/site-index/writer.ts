/**
 * Turns the site's search records into the site index's files (see
 * format.ts), in two passes over the transcripts, one at a time:
 *
 * 1. `SiteTerms` counts which terms are common (keys.ts): only then is
 *    it known which pairs and triples are keys.
 * 2. `SiteIndexWriter.add` indexes each transcript's turns and hands back
 *    each pack of texts as soon as it is full, for the caller to write;
 *    only the postings stay, in typed arrays (postings.ts). `finish()` then
 *    yields each shard's whole lists and the shard, one shard at a time,
 *    and the manifest last.
 *
 * The same records in the same order give byte-identical files.
 */
import { same } from '../../localized.ts';
import { languages, type Language } from '../../transcript/language.ts';
import type { SearchRecord } from '../records.ts';
import { frequencyPart } from '../score.ts';
import { piecesOf, pieceTerms } from '../terms.ts';
import { Digest } from './digest.ts';
import {
  COMMON,
  COMMON_SHARE,
  documentOf,
  languageOf,
  encodeBlock,
  encodeList,
  FIRST_BLOCK,
  FORMAT,
  listsPath,
  MANIFEST,
  PACK_TURNS,
  LIST_GROUP,
  TEXT_GROUP,
  packHeaderPath,
  packTextsPath,
  powerOfTwoAtLeast,
  SHARD_POSTINGS,
  SHARD_TERMS,
  shardOf,
  shardPath,
  SPEAKER_PREFIX,
  speakerTerms,
  WEIGHT_LEVELS,
  type Manifest,
  type PackHeader,
  type PackTranscript,
  type PackTurn,
  type Posting,
  type PostingList,
  type Shard,
  type ShardEntry,
} from './format.ts';
import { CommonTerms, isIndexed, isPhraseKey, phraseKeys, type TermFrequencies } from './keys.ts';
import { PostingStore, uint32s } from './postings.ts';

/** A file of the index: its path under `search/`, and its content. */
export interface IndexFile {
  path: string;
  data: string | Uint8Array;
}

/** Compresses a text's bytes as raw deflate (RFC 1951), which the browser's `DecompressionStream('deflate-raw')` reads. */
export type Deflate = (bytes: Uint8Array) => Uint8Array;

export interface SiteIndexOptions {
  /** Postings in a list's first block, in its shard. Default `FIRST_BLOCK` (32). */
  firstBlock?: number;
  /** Turns per pack of texts. Default `PACK_TURNS` (16). */
  packTurns?: number;
  /** Packs per texts file. Default `TEXT_GROUP` (64). */
  textGroup?: number;
  /** Shards per lists file. Default `LIST_GROUP` (16). */
  listGroup?: number;
  /** Terms a shard should hold on average, at most. Default `SHARD_TERMS` (256). */
  shardTerms?: number;
  /** First-block postings a shard should hold on average, at most. Default `SHARD_POSTINGS` (512). */
  shardPostings?: number;
}

export interface SiteIndexCounts {
  transcripts: number;
  turns: number;
  documents: number;
  terms: number;
  postings: number;
  shards: number;
  /** Every file written: packs, shards, their lists and the manifest. */
  files: number;
}

/** A text's terms as the index counts them: how many it has, and each distinct one's count, in order of first use. */
export interface TermCounts {
  length: number;
  terms: Counted;
  /** Its phrase keys (keys.ts), each distinct one with its count, whether or not common parts make it a key. */
  phrases: Counted;
  /** The text as its pack holds it: its UTF-8 bytes, deflated. */
  deflated: Uint8Array;
}

/** One turn's texts, counted. */
export type AnalysedTurn = Record<Language, TermCounts>;

const utf8 = new TextEncoder();

/**
 * Distinct items in order of first use, and how many times each is there:
 * two flat arrays rather than a pair per item, as a kept analysis is read
 * back for every transcript of the site, a few hundred pairs a turn.
 */
export interface Counted {
  keys: string[];
  counts: number[];
}

function counted(items: readonly string[]): Counted {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return { keys: [...counts.keys()], counts: [...counts.values()] };
}

/**
 * Counts the terms and phrase keys of every turn of a transcript, in both
 * languages, and compresses its texts: all the writer needs of them, and
 * most of its work, so a build may keep it for the next (the integration
 * does).
 */
export function analyse(record: SearchRecord, deflate: Deflate): AnalysedTurn[] {
  return record.turns.map((turn) => {
    const count = (text: string): TermCounts => {
      const pieces = piecesOf(text);
      const terms = pieces.flatMap(pieceTerms);
      return {
        length: terms.length,
        terms: counted(terms),
        phrases: counted(phraseKeys(pieces)),
        deflated: deflate(utf8.encode(text)),
      };
    };
    return { zh: count(turn.zh), en: count(turn.en) };
  });
}

/** A transcript for the writer: its record, and `analyse(record)`, which a caller may have kept from an earlier build. */
export interface AnalysedRecord {
  record: SearchRecord;
  analysed: AnalysedTurn[];
}

/**
 * The first pass's answer: from which document frequency a term is common,
 * and the common terms of each language, each with its document frequency.
 */
export interface Common extends Record<Language, ReadonlyMap<string, number>> {
  threshold: number;
}

/** The first pass's counts, as a build keeps them for the next (`new SiteTerms(data)`). */
export interface SiteTermsData {
  turns: number;
  frequencies: TermFrequencies;
}

/**
 * The first pass: how many turns the site has, and in how many documents
 * of each language each term is, over the transcripts counted so far, in
 * any order. A transcript can be taken out again as it was counted, so a
 * rebuild starts from the last build's counts, takes out the transcripts
 * that changed or went and counts those that changed or came: the counts,
 * and so the common terms, are those of counting the whole site afresh.
 */
export class SiteTerms {
  #turns: number;
  readonly #counter: CommonTerms;

  constructor(data: SiteTermsData = { turns: 0, frequencies: { zh: [], en: [] } }) {
    this.#turns = data.turns;
    this.#counter = new CommonTerms(data.frequencies);
  }

  add(analysed: AnalysedTurn[]): void {
    this.#turns += analysed.length;
    this.#each(analysed, (language, terms) => this.#counter.add(language, terms));
  }

  remove(analysed: AnalysedTurn[]): void {
    this.#turns -= analysed.length;
    this.#each(analysed, (language, terms) => this.#counter.remove(language, terms));
  }

  /**
   * The terms of each language that are common on the site. `limit` is the
   * most a threshold may be (`COMMON`); on a smaller site it is
   * `COMMON_SHARE` of its turns.
   */
  common(limit = COMMON): Common {
    const threshold = Math.max(2, Math.min(limit, Math.ceil(this.#turns * COMMON_SHARE)));
    return {
      threshold,
      zh: this.#counter.common('zh', threshold),
      en: this.#counter.common('en', threshold),
    };
  }

  get data(): SiteTermsData {
    return { turns: this.#turns, frequencies: this.#counter.frequencies };
  }

  #each(analysed: AnalysedTurn[], count: (language: Language, terms: string[]) => void): void {
    for (const turn of analysed) {
      for (const language of languages) count(language, turn[language].terms.keys);
    }
  }
}

/** The first pass over the site's transcripts, analysed, in any order: `SiteTerms.common`. */
export function commonTerms(transcripts: Iterable<AnalysedTurn[]>, limit = COMMON): Common {
  const terms = new SiteTerms();
  for (const analysed of transcripts) terms.add(analysed);
  return terms.common(limit);
}

/** A posting list: its documents, ascending, and the term's frequency in each. */
export interface List {
  documents: Uint32Array;
  frequencies: Uint8Array;
}

/** A lists file's shards' lists (see `listGroupOf`): per key, its list in each language it is in. */
export type GroupLists = Map<string, Partial<Record<Language, List>>>;

/** Which lists file, and so which group of `listGroup` shards, a shard's lists go to. */
export function listGroupOf(shard: number, listGroup: number): number {
  return Math.floor(shard / listGroup);
}

/** How many shards hold `terms` keys with `firstPostings` postings in their first blocks. */
export function shardCount(terms: number, firstPostings: number, options: SiteIndexOptions = {}) {
  const shardTerms = options.shardTerms ?? SHARD_TERMS;
  const shardPostings = options.shardPostings ?? SHARD_POSTINGS;
  return powerOfTwoAtLeast(Math.max(terms / shardTerms, firstPostings / shardPostings));
}

/**
 * The mean length of a language's documents as the weights use it: rounded
 * to a whole term, so that an edit of one transcript seldom moves it, and
 * the lists it does not touch keep their weights and their bytes (a
 * rebuild writes only the lists it touched, src/integrations/search-lists.ts).
 * A length norm a fraction of a term off is no change a reader could see.
 */
export function meanLength(totalLength: number, turns: number): number {
  return Math.round(totalLength / turns) || 1;
}

/**
 * A posting's weight in its list's first block (`SiteIndexWriter`'s
 * `#best`): the BM25 term-frequency part of `frequency` in a document of
 * `length` terms, quantised; a speaker's postings all weigh the most.
 */
export function postingWeight(
  term: string,
  frequency: number,
  length: number,
  average: number,
): number {
  if (term.startsWith(SPEAKER_PREFIX)) return WEIGHT_LEVELS;
  const part = frequencyPart(frequency, length, average);
  return Math.min(WEIGHT_LEVELS, Math.max(1, Math.round(part * WEIGHT_LEVELS)));
}

/**
 * One document's keys and how many times it holds each: its terms, its
 * phrase keys with a part common in its language (`common`), and its
 * speaker's terms (`speakerTerms`).
 */
export function documentKeys(
  counts: TermCounts,
  speakers: readonly string[],
  common: ReadonlyMap<string, number>,
): Map<string, number> {
  const keys = new Map<string, number>();
  const { terms, phrases } = counts;
  for (const [i, term] of terms.keys.entries()) keys.set(term, terms.counts[i]!);
  for (const [i, key] of phrases.keys.entries()) {
    if (isIndexed(key, (term) => common.has(term))) keys.set(key, phrases.counts[i]!);
  }
  for (const term of speakers) keys.set(term, 1);
  return keys;
}

/** Each turn's speaker's terms (`speakerTerms`), which every document of the turn holds. */
export function turnSpeakers(record: SearchRecord): string[][] {
  return record.turns.map((turn) =>
    speakerTerms(turn.speaker, record.names[turn.speaker] ?? same(turn.speaker)),
  );
}

/** What a rebuild hands `finish` instead of the postings it did not gather again: see `SiteIndexWriter.finish`. */
export interface MendedLists {
  shards: number;
  terms: number;
  /** The groups whose lists changed, each whole. */
  groups: Map<number, GroupLists>;
  /** How many files the other groups have, which the last build wrote and this one keeps. */
  keptFiles: number;
}

/** A turn waiting in the pack being filled. */
interface PackedTurn {
  transcript: PackTranscript;
  turn: number;
  speaker: number;
  start: number | undefined;
  /** Its texts as the pack holds them, deflated. */
  texts: Record<Language, Uint8Array>;
}

export class SiteIndexWriter {
  readonly #options: Required<SiteIndexOptions>;
  readonly #common: Common;
  /** Per language, a key to the id of its posting list in that language's documents. */
  readonly #ids: Record<Language, Map<string, number>> = { zh: new Map(), en: new Map() };
  /** Per posting list: its key and language. */
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
  readonly #pack: PackedTurn[] = [];
  /** The texts of the packs of the texts file being filled. */
  readonly #texts = new Concatenation();
  readonly #digest = new Digest();

  /** `common`: the site's common terms, from `commonTerms` over the same transcripts. */
  constructor(common: Common, options: SiteIndexOptions = {}) {
    this.#common = common;
    this.#options = {
      firstBlock: options.firstBlock ?? FIRST_BLOCK,
      packTurns: options.packTurns ?? PACK_TURNS,
      textGroup: options.textGroup ?? TEXT_GROUP,
      listGroup: options.listGroup ?? LIST_GROUP,
      shardTerms: options.shardTerms ?? SHARD_TERMS,
      shardPostings: options.shardPostings ?? SHARD_POSTINGS,
    };
  }

  /**
   * Indexes one transcript's turns; returns the packs of texts it filled, to
   * be written now. With `postings: false` its turns are packed and measured
   * but not put in the posting lists: a rebuild's `finish` is given the
   * lists instead.
   */
  add({ record, analysed }: AnalysedRecord, { postings = true } = {}): IndexFile[] {
    if (this.#finished) throw new Error('the site index is finished: no transcript can be added');
    if (analysed.length !== record.turns.length) {
      throw new Error(`the analysis of ${record.slug} is not of its ${record.turns.length} turns`);
    }
    this.#transcripts++;
    const names = Object.entries(record.names);
    const transcript: PackTranscript = [record.slug, record.title, names];
    // The packs hold every input, in order: the digest of the index is theirs.
    this.#digest.update(JSON.stringify([record.slug, record.title, names]));
    const files: IndexFile[] = [];
    const speakers = turnSpeakers(record);
    for (const [index, turn] of record.turns.entries()) {
      const number = this.#turns++;
      for (const language of languages) {
        const document = documentOf(number, language);
        const counts = analysed[index]![language];
        if (postings) this.#index(document, counts, speakers[index]!);
        this.#lengths.set(document, counts.length);
        this.#totalLength[language] += counts.length;
      }
      const start = turn.start === undefined ? [] : [turn.start];
      this.#digest.update(JSON.stringify([turn.turn, turn.speaker, turn.zh, turn.en, ...start]));
      this.#pack.push({
        transcript,
        turn: turn.turn,
        speaker: Math.max(
          0,
          names.findIndex(([key]) => key === turn.speaker),
        ),
        start: turn.start,
        texts: { zh: analysed[index]!.zh.deflated, en: analysed[index]!.en.deflated },
      });
      if (this.#pack.length === this.#options.packTurns) files.push(...this.#flushPack());
    }
    return files;
  }

  /**
   * The last pack, then each group of shards (`listGroupOf`): its shards
   * and their lists, then the manifest. Nothing can be added afterwards;
   * the postings are read once, a group at a time, and each group's lists
   * handed to `keep` (a build keeps them for the next).
   *
   * A rebuild that put only some transcripts' postings in (`add`'s
   * `postings: false`) gives the lists instead, `mended`: only its groups
   * are written, the others being the last build's as they are.
   */
  *finish(
    mended?: MendedLists,
    keep?: (group: number, lists: GroupLists) => void,
  ): Generator<IndexFile> {
    if (this.#finished) throw new Error('the site index is finished already');
    this.#finished = true;
    yield* this.#flushPack();
    yield* this.#flushTexts();
    if (mended) {
      this.#shards = mended.shards;
      this.#distinctTerms = mended.terms;
      this.#files += mended.keptFiles;
    }
    // Made from the postings added, the groups set the shards and terms first.
    const groups = mended ? mended.groups : this.#groups();
    for (const [group, lists] of groups) {
      yield* this.#group(group, lists);
      keep?.(group, lists);
    }
    yield this.#manifest();
  }

  /** Each group's lists, from the postings added, in order of group. */
  *#groups(): Generator<[number, GroupLists]> {
    const { firstBlock, listGroup } = this.#options;
    // A key's lists in both languages, by key.
    const byTerm = new Map<string, Partial<Record<Language, number>>>();
    let firstPostings = 0;
    for (const [id, term] of this.#terms.entries()) {
      let lists = byTerm.get(term);
      if (!lists) byTerm.set(term, (lists = {}));
      lists[this.#languages[id]!] = id;
      firstPostings += Math.min(this.#store.df(id), firstBlock);
    }
    this.#distinctTerms = byTerm.size;
    this.#shards = shardCount(byTerm.size, firstPostings, this.#options);
    const byGroup: string[][] = Array.from(
      { length: Math.ceil(this.#shards / listGroup) },
      () => [],
    );
    for (const term of byTerm.keys()) {
      byGroup[listGroupOf(shardOf(term, this.#shards), listGroup)]!.push(term);
    }
    for (const [group, terms] of byGroup.entries()) {
      const lists: GroupLists = new Map();
      for (const term of terms) {
        const ids = byTerm.get(term)!;
        lists.set(term, {
          ...(ids.zh !== undefined && { zh: this.#store.postings(ids.zh) }),
          ...(ids.en !== undefined && { en: this.#store.postings(ids.en) }),
        });
      }
      yield [group, lists];
    }
  }

  /** A group's shards, each with its entries, then their lists file, if any list is longer than its first block. */
  *#group(group: number, groupLists: GroupLists): Generator<IndexFile> {
    const { listGroup } = this.#options;
    const shards = this.#shards;
    const first = group * listGroup;
    const byShard: string[][] = Array.from(
      { length: Math.min(listGroup, shards - first) },
      () => [],
    );
    for (const term of groupLists.keys()) byShard[shardOf(term, shards) - first]!.push(term);
    const lists = new Concatenation();
    for (const [i, terms] of byShard.entries()) {
      const entries: Shard = [];
      for (const term of terms.sort(compare)) {
        const { zh, en } = groupLists.get(term)!;
        entries.push([
          term,
          this.#list(term, 'zh', zh, lists),
          this.#list(term, 'en', en, lists),
        ] satisfies ShardEntry);
      }
      yield this.#file(shardPath(first + i), JSON.stringify(entries));
    }
    const last = first + byShard.length - 1;
    if (lists.length > 0) yield this.#file(listsPath(last, listGroup), lists.bytes());
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

  /** Per language, the number of terms of all its documents so far. */
  get totalLength(): Record<Language, number> {
    return { ...this.#totalLength };
  }

  /** The bytes of the postings' typed arrays, for measuring the writer. */
  get postingBytes(): number {
    return this.#store.bytes;
  }

  /** One document's postings (`documentKeys`). */
  #index(document: number, counts: TermCounts, speakers: readonly string[]): void {
    const language = languageOf(document);
    for (const [key, count] of documentKeys(counts, speakers, this.#common[language])) {
      this.#store.add(this.#listId(key, language), document, count);
    }
  }

  /**
   * The pack being filled, if it has any turn: its header now, its texts
   * added to the texts file being filled, which is written once it holds
   * its last pack.
   */
  #flushPack(): IndexFile[] {
    if (this.#pack.length === 0) return [];
    const { packTurns, textGroup } = this.#options;
    const pack = Math.floor((this.#turns - this.#pack.length) / packTurns);
    const transcripts: PackTranscript[] = [];
    const header: PackHeader = { start: this.#texts.length, transcripts, turns: [] };
    for (const { transcript, turn, speaker, start, texts } of this.#pack) {
      if (transcripts.at(-1) !== transcript) transcripts.push(transcript);
      const packed: PackTurn = [
        transcripts.length - 1,
        turn,
        speaker,
        texts.zh.length,
        texts.en.length,
      ];
      if (start !== undefined) packed.push(start);
      header.turns.push(packed);
      this.#texts.add(texts.zh);
      this.#texts.add(texts.en);
    }
    this.#pack.length = 0;
    const files = [this.#file(packHeaderPath(pack), JSON.stringify(header))];
    if ((pack + 1) % textGroup === 0) files.push(...this.#flushTexts(pack));
    return files;
  }

  /** The texts file being filled, if it holds any text, ending with pack `last`. */
  #flushTexts(last = Math.ceil(this.#turns / this.#options.packTurns) - 1): IndexFile[] {
    if (this.#texts.length === 0) return [];
    const file = this.#file(packTextsPath(last, this.#options.textGroup), this.#texts.bytes());
    this.#texts.clear();
    return [file];
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

  /**
   * A posting list's shard entry, its whole list added to the lists file
   * when the first block is not all of it. A phrase key's first block is
   * the start of its list, all of one weight (format.ts says why).
   */
  #list(
    term: string,
    language: Language,
    list: List | undefined,
    lists: Concatenation,
  ): PostingList | 0 {
    if (list === undefined || list.documents.length === 0) return 0;
    const { firstBlock } = this.#options;
    const { documents } = list;
    const first = encodeBlock(
      isPhraseKey(term)
        ? Array.from(documents.subarray(0, firstBlock), (document) => ({
            document,
            weight: WEIGHT_LEVELS,
          }))
        : this.#best(term, language, list, firstBlock),
    );
    if (documents.length <= firstBlock) return [documents.length, first];
    const [offset, length] = lists.add(encodeList(documents));
    return [documents.length, first, offset, length];
  }

  /**
   * A list's `count` best postings, best first: by weight, the BM25
   * term-frequency part with its language's average length (the idf is the
   * same for every posting of a list, so the reader adds it), then by
   * document. Weights are small integers, so a counting sort over the
   * postings (already in document order) places them in one pass, and only
   * the first `count` places are kept: a common term's list is hundreds of
   * thousands long. A speaker's postings all weigh the same: the filter
   * matches or not.
   */
  #best(
    term: string,
    language: Language,
    { documents, frequencies }: List,
    count: number,
  ): Posting[] {
    const average = meanLength(this.#totalLength[language], this.#turns);
    const weights = new Uint8Array(documents.length);
    const buckets = new Uint32Array(WEIGHT_LEVELS + 2);
    for (const [i, document] of documents.entries()) {
      const weight = postingWeight(term, frequencies[i]!, this.#lengths.get(document), average);
      weights[i] = weight;
      buckets[WEIGHT_LEVELS - weight + 1]!++;
    }
    // Start of each weight's place, heaviest first.
    for (let i = 1; i < buckets.length; i++) buckets[i]! += buckets[i - 1]!;
    const best = new Array<Posting>(Math.min(count, documents.length));
    for (const [i, document] of documents.entries()) {
      const weight = weights[i]!;
      const place = buckets[WEIGHT_LEVELS - weight]!++;
      if (place < best.length) best[place] = { document, weight };
    }
    return best;
  }

  #manifest(): IndexFile {
    const counts = this.counts;
    const described: Omit<Manifest, 'version'> = {
      format: FORMAT,
      shards: this.#shards,
      firstBlock: this.#options.firstBlock,
      common: this.#common.threshold,
      packTurns: this.#options.packTurns,
      textGroup: this.#options.textGroup,
      listGroup: this.#options.listGroup,
      transcripts: counts.transcripts,
      turns: counts.turns,
      documents: counts.documents,
      terms: counts.terms,
      frequent: { zh: this.#frequent('zh'), en: this.#frequent('en') },
    };
    // The rest of the index follows from the packs' content and these settings.
    this.#digest.update(JSON.stringify(described));
    const manifest: Manifest = { ...described, version: this.#digest.hex() };
    this.#files++;
    return { path: MANIFEST, data: JSON.stringify(manifest) };
  }

  /**
   * The common terms of a language, in code-unit order, each with how many
   * of its documents hold it: the first pass's counts, which a rebuild
   * mends as a cold build counts them (the posting store holds only what a
   * rebuild gathered again).
   */
  #frequent(language: Language): [string, number][] {
    return [...this.#common[language]].sort(([a], [b]) => compare(a, b));
  }

  #file(path: string, data: string | Uint8Array): IndexFile {
    this.#files++;
    return { path, data };
  }
}

/** Bytes one after another, for one file: where each part starts and how long it is. */
class Concatenation {
  #parts: Uint8Array[] = [];
  length = 0;

  add(bytes: Uint8Array): [offset: number, length: number] {
    const offset = this.length;
    this.#parts.push(bytes);
    this.length += bytes.length;
    return [offset, bytes.length];
  }

  bytes(): Uint8Array {
    const whole = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.#parts) {
      whole.set(part, at);
      at += part.length;
    }
    return whole;
  }

  clear(): void {
    this.#parts = [];
    this.length = 0;
  }
}

/** Code-unit order: the same in every locale, unlike `localeCompare`. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Both passes over a site held in memory, in order: the index's files.
 * For tests and measurements; the build streams its records from files
 * instead (src/integrations/search-index.ts).
 */
export function* writeSiteIndex(
  records: readonly SearchRecord[],
  options: SiteIndexOptions & {
    /** How a text is compressed in its pack: `zlib.deflateRawSync` at build time. */
    deflate: Deflate;
    /** The most the document frequency from which a term is common may be: `commonTerms`' limit. */
    common?: number;
  },
): Generator<IndexFile, SiteIndexCounts> {
  const analysed = records.map((record) => analyse(record, options.deflate));
  const writer = new SiteIndexWriter(commonTerms(analysed, options.common), options);
  for (const [i, record] of records.entries())
    yield* writer.add({ record, analysed: analysed[i]! });
  yield* writer.finish();
  return writer.counts;
}
