/**
 * The Atom feed of the transcripts, `<base>feed.xml`, newest first. Its
 * addresses must be absolute, so without a site URL (duet.config.ts or
 * `--site`) there is no feed: the one path is listed only when there is
 * one, which is why the route has a parameter.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import settings from '../../duet.config.ts';
import { getTranscripts } from '../collection/transcripts.ts';
import { absoluteUrl } from '../lib/address.ts';
import { atomFeed, FEED_PATH } from '../lib/feed.ts';
import { bothLanguages } from '../lib/localized.ts';

export const getStaticPaths = (() =>
  import.meta.env.SITE
    ? [{ params: { feed: FEED_PATH.replace(/\.xml$/, '') } }]
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response(
    atomFeed(await getTranscripts(), {
      title: settings.title,
      description: bothLanguages(settings.description),
      url: (path) => absoluteUrl(path)!,
    }),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
  );
