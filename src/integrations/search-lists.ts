/**
 * The site index's posting lists, kept in Astro's cache folder from one
 * build to the next, so that a rebuild after an edit writes only the lists
 * the edit touched. Built whole, the lists are most of the index's work:
 * every posting of every transcript gathered again, and every shard and
 * lists file encoded again, to find the few that changed.
 *
 * Each lists file's group of shards (writer.ts, `listGroupOf`) is kept as
 * its lists in typed arrays, one file a group. A rebuild takes out the
 * documents of the turns that changed and puts in their new postings, in
 * the groups of the keys they touched, and writes those groups alone; the
 * others are the last build's files, left as they are in the output. It
 * can do so only when every document keeps its number and every other
 * list its bytes: the same code, the same transcripts in the same order
 * with as many turns each, the same common terms (which make the phrase
 * keys), the same mean lengths (writer.ts, `meanLength`) and as many
 * shards. Otherwise the index is built whole.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIRST_BLOCK, LIST_GROUP, documentOf, shardOf } from '../lib/search/site-index/format.ts';
import { MAX_FREQUENCY } from '../lib/search/site-index/postings.ts';
import {
  documentKeys,
  listGroupOf,
  meanLength,
  postingWeight,
  shardCount,
  type AnalysedTurn,
  type Common,
  type GroupLists,
  type List,
  type MendedLists,
} from '../lib/search/site-index/writer.ts';
import { languages, type Language } from '../lib/transcript/language.ts';
import { takeLastState } from './kept-files.ts';

/** The folder of kept groups, and the file that says what they are of, in Astro's cache folder. */
const FOLDER = 'search-lists';
const STATE = 'search-lists.json';

/** What the kept lists are of: the last complete build's. */
interface State {
  code: string;
  /** The key of each transcript's analysis, in the site's order (search-index.ts, `Analyses.keyOf`). */
  keys: string[];
  /** How many turns each of them has. */
  turns: number[];
  /** A digest of the common terms. */
  common: string;
  shards: number;
  totalLength: Record<Language, number>;
  /** Per group: how many keys it holds, and how many postings their first blocks. */
  groups: [terms: number, firstPostings: number][];
}

/** A transcript as the rebuild sees it: its analysis and each turn's speaker terms. */
export interface Turns {
  analysed: AnalysedTurn[];
  speakers: string[][];
}

/** One document whose postings changed: its keys before and after. */
interface Change {
  document: number;
  language: Language;
  before: Map<string, number>;
  after: Map<string, number>;
  /** Its number of terms, before and after: in the weight of each of its postings. */
  lengths: [before: number, after: number];
}

export class KeptLists {
  readonly #folder: string;
  readonly #state: string;
  readonly #code: string;
  readonly #last: State | undefined;
  readonly #groups: [number, number][] = [];
  /** How many groups' lists this build made and kept. */
  made = 0;

  constructor(cacheDir: string, code: string) {
    this.#folder = path.join(cacheDir, FOLDER);
    this.#state = path.join(cacheDir, STATE);
    this.#code = code;
    // Until this build's groups are all written, they are not known to match any build.
    this.#last = takeLastState<State>(this.#state);
  }

  /**
   * The lists of this build's site, the last build's mended, or undefined
   * when the index is to be built whole (see the top of this file). `keys`
   * are this build's transcripts' (a transcript with the key the last build
   * had at its place is unchanged), `turnsOf(i)` the turns of the `i`th,
   * `keptTurns(key)` those of a transcript the last build had.
   */
  mend(
    keys: readonly string[],
    common: Common,
    turnsOf: (index: number) => Turns,
    keptTurns: (key: string) => Turns | undefined,
  ): MendedLists | undefined {
    const last = this.#last;
    if (last?.code !== this.#code || last.common !== digestOf(common)) return undefined;
    if (keys.length !== last.keys.length) return undefined;
    const changes: Change[] = [];
    const totalLength = { ...last.totalLength };
    let turn = 0;
    for (const [index, key] of keys.entries()) {
      const first = turn;
      turn += last.turns[index]!;
      if (key === last.keys[index]) continue;
      const before = keptTurns(last.keys[index]!);
      const after = turnsOf(index);
      // Every later document keeps its number only if the transcript keeps its number of turns.
      const count = last.turns[index];
      if (!before || before.analysed.length !== count || after.analysed.length !== count)
        return undefined;
      for (const [i, analysed] of after.analysed.entries()) {
        for (const language of languages) {
          const [old, now] = [before.analysed[i]![language], analysed[language]];
          totalLength[language] += now.length - old.length;
          changes.push({
            document: documentOf(first + i, language),
            language,
            before: documentKeys(old, before.speakers[i]!, common[language]),
            after: documentKeys(now, after.speakers[i]!, common[language]),
            lengths: [old.length, now.length],
          });
        }
      }
    }
    for (const language of languages) {
      if (meanLength(totalLength[language], turn) !== meanLength(last.totalLength[language], turn))
        return undefined;
    }
    const means = {
      zh: meanLength(last.totalLength.zh, turn),
      en: meanLength(last.totalLength.en, turn),
    };
    const groups = this.#mendGroups(last, changes, means);
    let [terms, firstPostings] = [0, 0];
    for (const [group, [groupTerms, groupFirst]] of last.groups.entries()) {
      const mended = groups.get(group);
      const [t, f] = mended ? statsOf(mended) : [groupTerms, groupFirst];
      terms += t;
      firstPostings += f;
    }
    const shards = shardCount(terms, firstPostings);
    return shards === last.shards ? { shards, terms, groups, keptFiles: 0 } : undefined;
  }

  /** The groups holding a key whose postings changed, read and mended, in order of group. */
  #mendGroups(
    last: State,
    changes: readonly Change[],
    means: Record<Language, number>,
  ): Map<number, GroupLists> {
    // Per key and language, each changed document's new frequency, or 0 where it holds the key no more.
    const edits = new Map<string, Map<number, number>>();
    for (const { document, language, before, after, lengths } of changes) {
      const weight = (key: string, frequency: number, length: number) =>
        postingWeight(key, frequency, length, means[language]);
      for (const key of new Set([...before.keys(), ...after.keys()])) {
        const frequency = Math.min(after.get(key) ?? 0, MAX_FREQUENCY);
        const was = Math.min(before.get(key) ?? 0, MAX_FREQUENCY);
        // A posting whose frequency and weight stay leaves its list's bytes as they were.
        const same =
          frequency === was && weight(key, was, lengths[0]) === weight(key, frequency, lengths[1]);
        if (same) continue;
        const id = `${language}\0${key}`;
        if (!edits.has(id)) edits.set(id, new Map());
        edits.get(id)!.set(document, frequency);
      }
    }
    const groups = new Map<number, GroupLists>();
    for (const id of edits.keys()) {
      const key = id.slice(3);
      const group = listGroupOf(shardOf(key, last.shards), LIST_GROUP);
      if (!groups.has(group)) groups.set(group, this.#read(group));
    }
    for (const [id, documents] of edits) {
      const [language, key] = [id.slice(0, 2) as Language, id.slice(3)];
      const lists = groups.get(listGroupOf(shardOf(key, last.shards), LIST_GROUP))!;
      const pair = lists.get(key) ?? {};
      const list = edited(pair[language], documents);
      if (list) pair[language] = list;
      else delete pair[language];
      if (pair.zh || pair.en) lists.set(key, pair);
      else lists.delete(key);
    }
    return new Map([...groups].sort(([a], [b]) => a - b));
  }

  /** Keeps a group's lists, as `SiteIndexWriter.finish` hands them over. */
  keep(group: number, lists: GroupLists): void {
    mkdirSync(this.#folder, { recursive: true });
    writeFileSync(this.#groupFile(group), encodeGroup(lists));
    this.#groups[group] = statsOf(lists);
    this.made++;
  }

  /**
   * Notes what the kept lists are of, once the index is written: from now
   * on they are this build's. A build that mended the lists kept only the
   * groups it changed; the others are the last build's.
   */
  finish(
    keys: readonly string[],
    turns: readonly number[],
    common: Common,
    shards: number,
    totalLength: Record<Language, number>,
  ): void {
    const count = Math.ceil(shards / LIST_GROUP);
    const groups = Array.from(
      { length: count },
      (_, group) => this.#groups[group] ?? this.#last!.groups[group]!,
    );
    const state: State = {
      code: this.#code,
      keys: [...keys],
      turns: [...turns],
      common: digestOf(common),
      shards,
      totalLength,
      groups,
    };
    writeFileSync(this.#state, JSON.stringify(state));
  }

  #groupFile(group: number): string {
    return path.join(this.#folder, `${group}.bin`);
  }

  #read(group: number): GroupLists {
    return decodeGroup(readFileSync(this.#groupFile(group)));
  }
}

/** A list with `documents`' frequencies set (0: taken out), or undefined once it holds none. */
function edited(list: List | undefined, documents: Map<number, number>): List | undefined {
  const postings = new Map<number, number>();
  if (list) list.documents.forEach((document, i) => postings.set(document, list.frequencies[i]!));
  for (const [document, frequency] of documents) {
    if (frequency > 0) postings.set(document, frequency);
    else postings.delete(document);
  }
  if (postings.size === 0) return undefined;
  const order = [...postings.keys()].sort((a, b) => a - b);
  return {
    documents: Uint32Array.from(order),
    frequencies: Uint8Array.from(order, (document) => postings.get(document)!),
  };
}

/** A group's keys, and the postings of their first blocks. */
function statsOf(lists: GroupLists): [number, number] {
  let firstPostings = 0;
  for (const pair of lists.values()) {
    for (const list of Object.values(pair))
      firstPostings += Math.min(list.documents.length, FIRST_BLOCK);
  }
  return [lists.size, firstPostings];
}

function digestOf(common: Common): string {
  const hash = createHash('sha1').update(String(common.threshold));
  for (const language of languages)
    hash.update(`\0${language}\0${[...common[language].keys()].sort().join('\0')}`);
  return hash.digest('hex');
}

/**
 * A group's lists as bytes: the length of a JSON header, the header (each
 * key with its lists' lengths in zh and en, 0 for none), then every list's
 * documents as 32-bit numbers, then their frequencies as bytes.
 */
function encodeGroup(lists: GroupLists): Uint8Array {
  const header = JSON.stringify(
    [...lists].map(([key, pair]) => [key, ...languages.map((l) => pair[l]?.documents.length ?? 0)]),
  );
  const head = Buffer.from(header);
  const start = 4 + Math.ceil(head.length / 4) * 4;
  let postings = 0;
  for (const pair of lists.values())
    for (const list of Object.values(pair)) postings += list.documents.length;
  const bytes = Buffer.alloc(start + postings * 5);
  bytes.writeUInt32LE(head.length, 0);
  head.copy(bytes, 4);
  const documents = new Uint32Array(bytes.buffer, bytes.byteOffset + start, postings);
  const frequencies = new Uint8Array(
    bytes.buffer,
    bytes.byteOffset + start + postings * 4,
    postings,
  );
  let at = 0;
  for (const pair of lists.values()) {
    for (const language of languages) {
      const list = pair[language];
      if (!list) continue;
      documents.set(list.documents, at);
      frequencies.set(list.frequencies, at);
      at += list.documents.length;
    }
  }
  return bytes;
}

function decodeGroup(file: Buffer): GroupLists {
  const bytes = new Uint8Array(file);
  const length = file.readUInt32LE(0);
  const header = JSON.parse(file.toString('utf8', 4, 4 + length)) as [string, number, number][];
  const start = 4 + Math.ceil(length / 4) * 4;
  const postings = (bytes.length - start) / 5;
  const documents = new Uint32Array(bytes.buffer, start, postings);
  const frequencies = bytes.subarray(start + postings * 4);
  const lists: GroupLists = new Map();
  let at = 0;
  for (const [key, ...lengths] of header) {
    const pair: Partial<Record<Language, List>> = {};
    for (const [i, language] of languages.entries()) {
      const count = lengths[i]!;
      if (count === 0) continue;
      pair[language] = {
        documents: documents.slice(at, at + count),
        frequencies: frequencies.slice(at, at + count),
      };
      at += count;
    }
    lists.set(key, pair);
  }
  return lists;
}
