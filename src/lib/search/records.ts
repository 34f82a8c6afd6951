/**
 * What the site index is made from: one record per transcript, written by
 * the build from the content collection (`src/pages/search_records/`) and
 * read back by the search integration, one file at a time. The texts are
 * the blocks' `text`, what a reader sees of them, so the index and the
 * page agree on every word.
 */
import { z } from 'zod';
import { localizedSchema, type Transcript } from '../transcript/schema.ts';
import { nameOf, speakersInOrder } from '../transcript/speakers.ts';

export const searchRecordSchema = z.object({
  slug: z.string().min(1),
  /** The transcript's title, shown with results from other transcripts. */
  title: localizedSchema,
  /** Each speaker's name by key: a speaker is found by their key or either name, and shown by name. */
  names: z.record(z.string(), localizedSchema),
  turns: z.array(
    z.object({
      /** The turn's number in its transcript, from 1: its permalink is `#turn-N`. */
      turn: z.number().int().positive(),
      /** The speaker's key in `names`. */
      speaker: z.string().min(1),
      /** Where the turn starts in the recording, in seconds, when its label gives it: results show it. */
      start: z.number().nonnegative().optional(),
      zh: z.string(),
      en: z.string(),
    }),
  ),
});

export type SearchRecord = z.infer<typeof searchRecordSchema>;

export function searchRecordOf(slug: string, transcript: Transcript): SearchRecord {
  return {
    slug,
    title: transcript.title,
    names: Object.fromEntries(
      speakersInOrder(transcript.turns).map((key) => [key, nameOf(transcript.speakers, key)]),
    ),
    turns: transcript.turns.map((turn) => ({
      turn: turn.number,
      speaker: turn.speaker,
      ...(turn.start !== undefined && { start: turn.start }),
      zh: turn.zh.text,
      en: turn.en.text,
    })),
  };
}
