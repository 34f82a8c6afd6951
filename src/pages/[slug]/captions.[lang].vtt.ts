/**
 * A timed transcript's captions in each language (src/lib/captions.ts),
 * `/<slug>/captions.zh.vtt` and `/<slug>/captions.en.vtt`; a transcript
 * without times has none.
 */
import { getTranscripts, loadTranscript, transcriptKey } from '../../collection/transcripts.ts';
import { captionsOf } from '../../lib/captions.ts';
import { languages, type Language } from '../../lib/transcript/language.ts';
import type { TranscriptEntry } from '../../collection/transcripts.ts';

export async function getStaticPaths() {
  return (await getTranscripts())
    .filter((entry) => entry.data.timed)
    .flatMap((entry) =>
      languages.map((lang) => ({
        params: { slug: entry.id, lang },
        props: { entry, lang },
        cacheKey: transcriptKey(entry),
      })),
    );
}

export async function GET({ props }: { props: { entry: TranscriptEntry; lang: Language } }) {
  return new Response(captionsOf(await loadTranscript(props.entry), props.lang), {
    headers: { 'content-type': 'text/vtt; charset=utf-8' },
  });
}
