/**
 * The words of a transcript's Chinese text (src/lib/dictionary/format.ts),
 * which the reader page fetches at the first word looked up.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteWords, wordsKey } from '../../collection/words.ts';

export const getStaticPaths = (async () =>
  [...(await getSiteWords()).files].map(([slug, file]) => ({
    params: { slug },
    props: { file },
    cacheKey: wordsKey(file),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: unknown }> = ({ props }) => Response.json(props.file);
