import { defineCollection } from 'astro:content';
import { transcriptLoader } from './integrations/transcript-loader.ts';

export const collections = {
  transcripts: defineCollection({
    // DUET_TRANSCRIPTS builds the site from another folder: the tests' corpus, the benchmark's.
    loader: transcriptLoader({ base: process.env.DUET_TRANSCRIPTS ?? 'content/transcripts' }),
  }),
};
