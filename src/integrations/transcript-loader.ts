/**
 * An Astro content loader for `content/transcripts/*.md`, and the one
 * hand-off from the parser to the site: each file is parsed once, and what
 * every consumer needs is kept: the entry (src/collection/schema.ts) holds
 * what a list of transcripts shows, and a file of its own beside Astro's
 * store holds the turns (per block the source paragraphs, the visible text
 * and the rendered HTML), so pages and the search index never parse again
 * and no page holds more than its own transcript's turns.
 *
 * A transcript with a problem stops the build with the parser's messages
 * before any page is written; it never vanishes quietly.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { entrySchema, type TranscriptData } from '../collection/schema.ts';
import { problemsError } from '../lib/transcript/content-error.ts';
import { readTranscripts, siteFilesIn, type TranscriptFile } from '../lib/transcript/files.ts';
import { missingSiteFile } from '../lib/transcript/parse.ts';
import { compareProblems, formatProblem, type Warning } from '../lib/transcript/problem.ts';
import { speakersInOrder } from '../lib/transcript/speakers.ts';
import { hasTimes } from '../lib/transcript/times.ts';

export interface TranscriptLoaderOptions {
  /** The folder of transcript files, relative to the project root. */
  base: string;
}

/** What the stored entries were made from, beyond each file's own text. */
const MADE_BY = 'duet:made-by';
/** Each stored file's warnings, told again while the file is skipped as unchanged. */
const WARNINGS = 'duet:warnings';
/** The folder of turn files, in Astro's cache folder beside its content store. */
const TURNS_FOLDER = 'duet-transcripts';

export function transcriptLoader({
  base,
}: TranscriptLoaderOptions): Loader & { schema: typeof entrySchema } {
  let watching = false;
  return {
    name: 'duet-transcripts',
    schema: entrySchema,
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
  const turnsFolder = path.join(fileURLToPath(context.config.cacheDir), TURNS_FOLDER);
  // A stored entry may be kept only if the same parser made it from the same folder, with its
  // turns in the same place: Astro keeps the store between builds and clears it only when its
  // config changes.
  const madeBy = `${folder}\n${turnsFolder}\n${await parserDigest(root)}`;
  if (meta.get(MADE_BY) !== madeBy) store.clear();
  await mkdir(turnsFolder, { recursive: true });

  const digestOf = (source: string) => context.generateDigest(source);
  const publicFolder = fileURLToPath(context.config.publicDir);
  const siteFiles = siteFilesIn(publicFolder, root);
  /**
   * A stored entry is kept while its file is unchanged, its turns are still
   * where it says, and the recording it names under the site is still there
   * (a file parsed again says so at its line).
   */
  const isUnchanged = (slug: string, source: string) => {
    const stored = store.get<TranscriptData>(slug);
    return (
      stored?.digest === digestOf(source) &&
      existsSync(stored.data.turnsFile) &&
      missingSiteFile(stored.data.media, siteFiles) === undefined
    );
  };
  // Each transcript's turns are written as soon as it is parsed, and only its entry is kept:
  // the store changes once every file has been read without a problem.
  const parsed: { slug: string; file: string; digest: string; data: TranscriptData }[] = [];
  const onParsed = async ({ slug, file, source, transcript }: TranscriptFile) => {
    const digest = digestOf(source);
    const turnsFile = path.join(turnsFolder, turnsFileName(slug, `${madeBy}\n${digest}`));
    await writeFile(turnsFile, JSON.stringify(transcript.turns));
    const { turns, ...listed } = transcript;
    const data = {
      ...listed,
      speakerKeys: speakersInOrder(turns),
      turnCount: turns.length,
      timed: hasTimes(turns),
    };
    parsed.push({ slug, file, digest, data: { ...data, turnsFile } });
  };
  let result;
  try {
    result = await readTranscripts(folder, root, { isUnchanged, onParsed, publicFolder });
  } catch (error) {
    await removeUnused(store, turnsFolder);
    throw error;
  }
  const { unchanged, problems, warnings } = result;

  // An author is told of a doubt until it is mended, not only when its file last changed,
  // and also when another file has a problem, as `npm run check` tells both.
  const kept = JSON.parse(meta.get(WARNINGS) ?? '{}') as Record<string, Warning[]>;
  const told: Record<string, Warning[]> = Object.fromEntries(
    unchanged.map((slug) => [slug, kept[slug] ?? []]),
  );
  for (const { slug, file } of parsed) {
    told[slug] = warnings.filter((warning) => warning.file === file);
  }
  for (const warning of Object.values(told).flat().sort(compareProblems)) {
    context.logger.warn(formatProblem(warning));
  }
  if (problems.length > 0) {
    await removeUnused(store, turnsFolder);
    throw problemsError(problems);
  }

  const present = new Set([...unchanged, ...parsed.map(({ slug }) => slug)]);
  for (const id of store.keys()) if (!present.has(id)) store.delete(id);
  for (const { slug, file, digest, data } of parsed) {
    const checked = await context.parseData({ id: slug, data, filePath: file });
    store.set({ id: slug, data: checked, filePath: file, digest });
  }
  await removeUnused(store, turnsFolder);
  meta.set(MADE_BY, madeBy);
  meta.set(WARNINGS, JSON.stringify(told));
  context.logger.info(`${parsed.length} parsed, ${unchanged.length} unchanged`);
}

/**
 * A turn file's name: the slug, for people looking in the folder, and a
 * hash of what made the turns (the file's digest, the parser, the folder),
 * so that the turns of an edit never overwrite the ones a stored entry
 * still points to (a sync that stops on a problem keeps them), and a name
 * changes exactly when the turns may have: pages use it as their cache key
 * (src/collection/transcripts.ts).
 */
function turnsFileName(slug: string, madeFrom: string): string {
  return `${slug}.${createHash('sha256').update(madeFrom).digest('hex').slice(0, 16)}.json`;
}

/** Removes the turn files no stored entry points to: older versions, deleted transcripts. */
async function removeUnused(store: LoaderContext['store'], turnsFolder: string): Promise<void> {
  const used = new Set(
    store.keys().map((id) => path.basename(store.get<TranscriptData>(id)?.data.turnsFile ?? '')),
  );
  const names = await readdir(turnsFolder).catch(() => []);
  await Promise.all(
    names
      .filter((name) => !used.has(name))
      .map((name) => rm(path.join(turnsFolder, name), { force: true })),
  );
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
  // The schema takes from it which recordings a transcript may name.
  files.push(fileURLToPath(new URL('../lib/media.ts', import.meta.url)));
  const hash = createHash('sha256');
  for (const file of [...files, path.join(root, 'package-lock.json')]) {
    hash.update(file).update(await readFile(file).catch(() => ''));
  }
  return hash.digest('hex');
}
