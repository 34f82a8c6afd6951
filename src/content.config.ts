import { defineCollection } from 'astro:content';
import { transcriptLoader } from './integrations/transcript-loader.ts';
import { transcriptsFolder } from './integrations/transcripts-folder.ts';

export const collections = {
  transcripts: defineCollection({
    loader: transcriptLoader({ base: transcriptsFolder }),
  }),
};
