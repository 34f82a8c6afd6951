/**
 * Pinyin search in the browser (src/lib/search/pinyin/aliases.ts says
 * how): a query that reads as pinyin is spelled in the Han strings of the
 * site that read so, through the alias map's shards beside the site index
 * (one small file per key, fetched the first time a key is asked), and
 * each string is searched as Chinese (../../lib/search/pinyin/spelled.ts
 * says in what order).
 */
import {
  aliasPath,
  aliasShards,
  readPairs,
  type AliasPair,
} from '../../lib/search/pinyin/aliases.ts';
import { keysOf, spellings } from '../../lib/search/pinyin/spelled.ts';
import { readPinyin } from '../../lib/search/pinyin/syllables.ts';
import { indexText, siteManifest } from './site.ts';

/** Each shard's keys, by path, read once. */
const shards = new Map<string, Promise<Map<string, AliasPair[]>>>();

function shardAt(path: string, version: string): Promise<Map<string, AliasPair[]>> {
  let shard = shards.get(path);
  if (!shard) {
    shard = indexText(path, version).then((text) => {
      const data = JSON.parse(text) as Record<string, unknown>;
      return new Map(Object.entries(data).map(([key, pairs]) => [key, readPairs(pairs)]));
    });
    shards.set(path, shard);
    shard.catch(() => shards.delete(path));
  }
  return shard;
}

/**
 * The Han strings of the site that the query spells as pinyin, likeliest
 * first; none when it is not pinyin of two or more syllables, or the
 * alias map cannot be loaded (as in `astro dev`, which builds no index).
 */
export async function spelledIn(input: string): Promise<string[]> {
  const readings = readPinyin(input).filter((reading) => reading.length >= 2);
  if (readings.length === 0) return [];
  try {
    const { shards: indexShards, version } = await siteManifest();
    const keys = keysOf(readings);
    const found = new Map<string, AliasPair[]>();
    await Promise.all(
      keys.map(async (key) => {
        const shard = await shardAt(aliasPath(key, aliasShards(indexShards)), version);
        found.set(key, shard.get(key) ?? []);
      }),
    );
    return spellings(readings, (key) => found.get(key) ?? []);
  } catch {
    return [];
  }
}
