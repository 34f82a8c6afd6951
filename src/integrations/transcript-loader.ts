/**
 * An Astro content loader for `content/transcripts/*.md`, and the one
 * hand-off from the parser to the site: each file is parsed once, and its
 * entry holds what every consumer needs (per block the source paragraphs,
 * the visible text and the rendered HTML), so pages and the search index
 * read the collection and never parse again.
 *
 * A transcript with a problem stops the build with the parser's messages
 * before any page is written; it never vanishes quietly.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { problemsError } from '../lib/transcript/content-error.ts';
import { readTranscripts } from '../lib/transcript/files.ts';
import { compareProblems, formatProblem, type Warning } from '../lib/transcript/problem.ts';
import { transcriptSchema } from '../lib/transcript/schema.ts';

export interface TranscriptLoaderOptions {
  /** The folder of transcript files, relative to the project root. */
  base: string;
}

/** What the stored entries were made from, beyond each file's own text. */
const MADE_BY = 'duet:made-by';
/** Each stored file's warnings, told again while the file is skipped as unchanged. */
const WARNINGS = 'duet:warnings';

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
  const { store, meta } = context;
  // A stored entry may be kept only if the same parser made it from the same folder:
  // Astro keeps the store between builds and clears it only when its config changes.
  const madeBy = `${folder}\n${await parserDigest(root)}`;
  if (meta.get(MADE_BY) !== madeBy) store.clear();

  const digestOf = (source: string) => context.generateDigest(source);
  const { transcripts, unchanged, problems, warnings } = await readTranscripts(folder, root, {
    isUnchanged: (slug, source) => store.get(slug)?.digest === digestOf(source),
  });

  // An author is told of a doubt until it is mended, not only when its file last changed,
  // and also when another file has a problem, as `npm run check` tells both.
  const kept = JSON.parse(meta.get(WARNINGS) ?? '{}') as Record<string, Warning[]>;
  const told: Record<string, Warning[]> = Object.fromEntries(
    unchanged.map((slug) => [slug, kept[slug] ?? []]),
  );
  for (const { slug, file } of transcripts) {
    told[slug] = warnings.filter((warning) => warning.file === file);
  }
  for (const warning of Object.values(told).flat().sort(compareProblems)) {
    context.logger.warn(formatProblem(warning));
  }
  if (problems.length > 0) throw problemsError(problems);

  const present = new Set([...unchanged, ...transcripts.map(({ slug }) => slug)]);
  for (const id of store.keys()) if (!present.has(id)) store.delete(id);
  for (const { slug, file, source, transcript } of transcripts) {
    const data = await context.parseData({ id: slug, data: transcript, filePath: file });
    store.set({ id: slug, data, filePath: file, digest: digestOf(source) });
  }
  meta.set(MADE_BY, madeBy);
  meta.set(WARNINGS, JSON.stringify(told));
  context.logger.info(`${transcripts.length} parsed, ${unchanged.length} unchanged`);
}

/**
 * A digest of the parser's own source and of the installed packages (remark
 * renders the HTML): a change to how a transcript is read or rendered must
 * reach every stored entry, not only the edited files. Made at every sync,
 * so that in `astro dev` an edit to the parser counts too (a few dozen
 * small files and the lock file: about a millisecond).
 */
async function parserDigest(root: string): Promise<string> {
  const parser = fileURLToPath(new URL('../lib/transcript/', import.meta.url));
  const files = (await readdir(parser)).sort().map((name) => path.join(parser, name));
  const hash = createHash('sha256');
  for (const file of [...files, path.join(root, 'package-lock.json')]) {
    hash.update(file).update(await readFile(file).catch(() => ''));
  }
  return hash.digest('hex');
}
