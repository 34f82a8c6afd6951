/**
 * An Astro content loader for `content/transcripts/*.md`. It wraps the
 * pure parser: a transcript with a problem stops the build with the
 * parser's messages before any page is written, never vanishes quietly.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readTranscripts } from '../lib/transcript/files.ts';
import { shelveTranscripts } from '../content/parsed-transcripts.ts';
import { problemsError } from '../lib/transcript/content-error.ts';
import { formatProblem } from '../lib/transcript/problem.ts';
import { transcriptSchema } from '../lib/transcript/schema.ts';

export interface TranscriptLoaderOptions {
  /** The folder of transcript files, relative to the project root. */
  base: string;
}

export function transcriptLoader({ base }: TranscriptLoaderOptions): Loader {
  let watching = false;
  return {
    name: 'duet-transcripts',
    schema: transcriptSchema,
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const folder = path.resolve(root, base);
      await sync(context, folder, root);

      // In `astro dev`, reload when a transcript changes, and report
      // problems without stopping the server. Astro may call load() again;
      // one set of listeners is enough.
      if (!context.watcher || watching) return;
      watching = true;
      context.watcher.add(folder);
      const onChange = async (changed: string) => {
        if (path.dirname(changed) !== folder || !changed.endsWith('.md')) return;
        try {
          await sync(context, folder, root);
        } catch (error) {
          context.logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      for (const event of ['add', 'change', 'unlink'] as const) context.watcher.on(event, onChange);
    },
  };
}

async function sync(context: LoaderContext, folder: string, root: string): Promise<void> {
  const { transcripts, problems, warnings } = await readTranscripts(folder, root);
  for (const warning of warnings) context.logger.warn(formatProblem(warning));
  if (problems.length > 0) {
    throw problemsError(problems);
  }

  shelveTranscripts(folder, transcripts);
  context.store.clear();
  for (const { slug, file, source, transcript } of transcripts) {
    const data = await context.parseData({ id: slug, data: transcript, filePath: file });
    context.store.set({ id: slug, data, filePath: file, digest: context.generateDigest(source) });
  }
}
