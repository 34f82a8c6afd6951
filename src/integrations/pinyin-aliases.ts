/**
 * The pinyin search's alias map (src/lib/search/pinyin/aliases.ts), built
 * beside the site index from each transcript's pinyin file, which the
 * build has already written to `<site>/<slug>/pinyin.json`: the site's
 * text is read with pinyin-pro once, for the pinyin aid, and read back
 * here, where reading it again took as long as the rest of the index
 * (pinyin-pro reads about 140,000 characters a second). A transcript
 * whose file is not there or does not fit its text (a site index built
 * from records alone, as the tests build one) is read here, with the same
 * readings.
 *
 * A rebuild counts again only the transcripts that changed: each
 * transcript's pairs, counted (`AliasWriter.counts`), are kept in Astro's
 * cache folder by the key of its analysis (search-index.ts), and the
 * site's counts of the last build beside them; the transcripts that went
 * or changed are taken out of those, and the ones that came or changed
 * put in. Reading every transcript's pinyin file again was most of a
 * rebuild's index step once its posting lists were mended (search-lists.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  PINYIN_FILE,
  readReadings,
  turnPinyin,
  type PinyinFile,
} from '../lib/reading-aids/format.ts';
import { readingsOf } from '../lib/reading-aids/pinyin.ts';
import { aliasFiles, AliasWriter, type AliasCount } from '../lib/search/pinyin/aliases.ts';
import type { SearchRecord } from '../lib/search/records.ts';
import type { IndexFile } from '../lib/search/site-index/writer.ts';
import { changedKeys, takeLastState } from './kept-files.ts';

/** Each transcript's counts, in Astro's cache folder, and the site's, beside them. */
const FOLDER = 'search-aliases';
const SITE = 'search-aliases.json';

/** The site's counts as kept: of which transcripts (their analyses' keys), by which code. */
interface KeptCounts {
  code: string;
  keys: string[];
  counts: AliasCount[];
}

/** One transcript's pairs, each with the turns that hold it. */
function countsOf(site: string, record: SearchRecord): AliasCount[] {
  const writer = new AliasWriter();
  const file = path.join(site, record.slug, PINYIN_FILE);
  const written = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as PinyinFile)
    : undefined;
  const usual = written && readReadings(written.readings);
  for (const [i, turn] of record.turns.entries()) {
    const readings =
      (written && turnPinyin(written, usual!, i, turn.zh)?.readings) ?? readingsOf(turn.zh);
    writer.add(turn.zh, readings);
  }
  return writer.counts();
}

export class PinyinAliases {
  readonly #site: string;
  readonly #folder: string;
  readonly #file: string;
  readonly #code: string;
  readonly #counts = new Map<string, AliasCount>();

  constructor(site: string, cacheDir: string, code: string) {
    this.#site = site;
    this.#folder = path.join(cacheDir, FOLDER);
    this.#file = path.join(cacheDir, SITE);
    this.#code = code;
    mkdirSync(this.#folder, { recursive: true });
  }

  /**
   * Counts the pairs of the transcripts whose analyses have `keys`
   * (`recordAt(i)` reads the record of `keys[i]`): the last build's counts
   * mended, or, when they are not known or one to take out is gone, every
   * transcript's added up.
   */
  count(keys: readonly string[], recordAt: (index: number) => SearchRecord): void {
    const last = this.#last();
    if (last?.code === this.#code && this.#mend(last, keys, recordAt)) return;
    this.#counts.clear();
    for (const [index, key] of keys.entries())
      this.#add(
        this.#of(key, () => recordAt(index)),
        1,
      );
  }

  #mend(
    last: KeptCounts,
    keys: readonly string[],
    recordAt: (index: number) => SearchRecord,
  ): boolean {
    const { added, gone } = changedKeys(last.keys, keys);
    const counts = gone.map(([key, count]) => ({ count, counts: this.#kept(key) }));
    if (counts.some(({ counts }) => counts === undefined)) return false;
    for (const count of last.counts) this.#counts.set(count.id, count);
    for (const { count, counts: of } of counts) this.#add(of!, -count);
    for (const index of added) {
      this.#add(
        this.#of(keys[index]!, () => recordAt(index)),
        1,
      );
    }
    return true;
  }

  /** Adds `times` times a transcript's counts (taken out when negative). */
  #add(counts: readonly AliasCount[], times: number): void {
    for (const { id, key, pair, turns } of counts) {
      const total = (this.#counts.get(id)?.turns ?? 0) + turns * times;
      if (total > 0) this.#counts.set(id, { id, key, pair, turns: total });
      else this.#counts.delete(id);
    }
  }

  /** A transcript's counts: kept by its key, or counted from its record and kept. */
  #of(key: string, record: () => SearchRecord): AliasCount[] {
    const kept = this.#kept(key);
    if (kept) return kept;
    const counts = countsOf(this.#site, record());
    writeFileSync(path.join(this.#folder, `${key}.json`), JSON.stringify(counts));
    return counts;
  }

  #kept(key: string): AliasCount[] | undefined {
    try {
      return JSON.parse(
        readFileSync(path.join(this.#folder, `${key}.json`), 'utf8'),
      ) as AliasCount[];
    } catch {
      // Not kept yet, or unreadable: counted again.
      return undefined;
    }
  }

  /** The last complete build's counts, then forgotten until this build completes. */
  #last(): KeptCounts | undefined {
    return takeLastState<KeptCounts>(this.#file);
  }

  *files(indexShards: number): Generator<IndexFile> {
    for (const [filePath, data] of aliasFiles(this.#counts.values(), indexShards)) {
      yield { path: filePath, data };
    }
  }

  /** Keeps the site's counts, of the transcripts with `keys`, and deletes the counts no transcript has. */
  finish(keys: readonly string[]): void {
    const used = new Set(keys.map((key) => `${key}.json`));
    for (const name of readdirSync(this.#folder)) {
      if (!used.has(name)) rmSync(path.join(this.#folder, name), { force: true });
    }
    const kept: KeptCounts = {
      code: this.#code,
      keys: [...keys],
      counts: [...this.#counts.values()],
    };
    writeFileSync(this.#file, JSON.stringify(kept));
  }
}
