/**
 * `/<slug>/?speaker=<label>`: the reader showing one speaker's turns. The
 * label is the speaker's as the source writes it. These addresses keep the
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
