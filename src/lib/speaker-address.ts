/**
 * `/<slug>/?speaker=<name>`: the reader showing one speaker's turns. The
 * name is the speaker's key in the source, or their name in either
 * language (src/client/speakers.ts finds them); the page's own links use
 * the key, which names them in every language mode. These addresses keep the
 * rest of the page's address (`?lang=`, say) and drop the fragment, which
 * named a place in the whole transcript.
 */
export const SPEAKER_PARAM = 'speaker';

/** The address of the page `url` showing only `speaker`'s turns. */
export function speakerHref(url: string | URL, speaker: string): string {
  const address = new URL(url);
  address.searchParams.set(SPEAKER_PARAM, speaker);
  address.hash = '';
  return address.href;
}

/** The address of the page `url` showing every speaker's turns. */
export function allSpeakersHref(url: string | URL): string {
  const address = new URL(url);
  address.searchParams.delete(SPEAKER_PARAM);
  address.hash = '';
  return address.href;
}
