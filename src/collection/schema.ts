/**
 * What the `transcripts` collection stores of each transcript: everything
 * a list of transcripts shows, and where its turns are. The turns, with
 * each block's rendered HTML and visible text, are most of a transcript's
 * bytes and only its own pages (the reader, the search records) read them,
 * so they are written to a file of their own beside Astro's content store,
 * as Astro's own glob() loader leaves an MDX file's rendering out of the
 * store (`deferredRender`). Astro's store is one serialized whole: written
 * at every sync, inlined into the bundle that renders the pages and read
 * back whole by it, so every turn of the site in it would cost memory for
 * every page instead of one page's worth (bench/README.md, "Builds at
 * scale", has the numbers).
 */
import { z } from 'zod';
import { transcriptSchema } from '../lib/transcript/schema.ts';

export const entrySchema = transcriptSchema.omit({ turns: true }).extend({
  /** The speakers' keys (under `speakers`) in the order they first speak. */
  speakerKeys: z.array(z.string().min(1)).min(1),
  /** How many turns the transcript has. */
  turnCount: z.number().int().positive(),
  /** Whether some turn gives its start in the recording: the transcript then has captions. */
  timed: z.boolean(),
  /**
   * The absolute path of the JSON file holding the transcript's turns
   * (`Turn[]`), written by the loader: `loadTranscript()` reads it.
   */
  turnsFile: z.string().min(1),
});

export type TranscriptData = z.infer<typeof entrySchema>;
