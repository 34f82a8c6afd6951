/**
 * A shard of CC-CEDICT's entries for the site's words
 * (src/lib/dictionary/format.ts), fetched by the reader page for a word
 * looked up.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteWords, wordsKey } from '../../collection/words.ts';

export const getStaticPaths = (async () =>
  (await getSiteWords()).shards.map((shard, index) => ({
    params: { shard: String(index) },
    props: { shard },
    cacheKey: wordsKey(shard),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ shard: unknown }> = ({ props }) => Response.json(props.shard);
