import { defineCollection } from 'astro:content';
import { transcriptLoader } from './content/transcript-loader.ts';

export const collections = {
  transcripts: defineCollection({
    // DUET_TRANSCRIPTS lets tests build the site from a folder of fixtures.
    loader: transcriptLoader({ base: process.env.DUET_TRANSCRIPTS ?? 'content/transcripts' }),
  }),
};
