import { defineCollection } from 'astro:content';
import { transcriptLoader } from './content/transcript-loader.ts';
import { transcriptsFolder } from './content/transcripts-folder.ts';

export const collections = {
  transcripts: defineCollection({
    loader: transcriptLoader({ base: transcriptsFolder }),
  }),
};
