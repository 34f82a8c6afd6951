/**
 * One design's indexing, as a process of its own so that its memory (this
 * process and the Pagefind binary it starts) can be measured alone:
 * `node indexer.ts <design> <corpus.jsonl> <site folder>`. It streams the
 * corpus one transcript at a time, gives each transcript's items to
 * Pagefind together (as src/integrations/search-index.ts does), writes the
 * bundles, and prints one JSON line: what it indexed and how long it took.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { PAGEFIND_UI_FILES } from './pagefind-records.ts';
import { readCorpus } from './corpus.ts';
import { designById, type Item } from './designs.ts';

/** Pagefind's ready-made interfaces and its worker, which the measured page never loads. */
export const UNUSED_FILES = [...PAGEFIND_UI_FILES, 'pagefind-worker.js'];

export interface IndexerReport {
  transcripts: number;
  /** Records or pages given to Pagefind. */
  items: number;
  bundles: number;
  /** From the first item given to Pagefind to the last file written. */
  seconds: number;
}

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

async function newIndex(): Promise<Index> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
  return created.index;
}

async function add(index: Index, items: readonly Item[], where: string): Promise<void> {
  const added = await Promise.all(
    items.map((item) =>
      item.kind === 'record'
        ? index.addCustomRecord(item.record)
        : index.addHTMLFile({ url: item.url, content: item.content }),
    ),
  );
  const errors = added.flatMap((response) => response.errors);
  if (errors.length > 0) throw new Error(`Pagefind could not index ${where}: ${errors.join('; ')}`);
}

async function write(index: Index, folder: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: folder });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write ${folder}: ${written.errors.join('; ')}`);
  await Promise.all(UNUSED_FILES.map((name) => rm(path.join(folder, name), { force: true })));
}

/** Writes only the index files: the shell's script and WebAssembly serve every merged index. */
async function writeIndexOnly(index: Index, folder: string): Promise<void> {
  const { files, errors } = await index.getFiles();
  if (errors.length > 0)
    throw new Error(`Pagefind could not build ${folder}: ${errors.join('; ')}`);
  for (const file of files) {
    if (
      !/^(pagefind-entry\.json|pagefind\..*\.pf_meta|index\/|fragment\/|filter\/)/.test(file.path)
    ) {
      continue;
    }
    const target = path.join(folder, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

export async function runIndexer(
  designId: string,
  corpus: string,
  site: string,
): Promise<IndexerReport> {
  const design = designById(designId);
  const started = performance.now();
  let transcripts = 0;
  let items = 0;
  const shared = new Map<string, Index>();
  let bundles = 0;
  const shards: string[] = [];
  try {
    if (design.perTranscript) {
      const shell = await newIndex();
      // Never matched by a real query; the shell exists for its script and WebAssembly.
      await add(
        shell,
        [
          {
            kind: 'record',
            record: { url: '/shell/', content: 'duetshellrecord', language: 'en' },
          },
        ],
        'the shell',
      );
      await write(shell, path.join(site, design.perTranscript.shell));
      await shell.deleteIndex();
      bundles++;
    }
    for await (const entry of readCorpus(corpus)) {
      transcripts++;
      for (const [bundle, list] of Object.entries(design.itemsOf(entry, transcripts - 1))) {
        items += list.length;
        if (design.perTranscript) {
          const own = await newIndex();
          await add(own, list, entry.slug);
          await writeIndexOnly(own, path.join(site, bundle));
          await own.deleteIndex();
          bundles++;
        } else {
          let index = shared.get(bundle);
          if (!index) {
            if (design.sequential) {
              // The shards before this one are complete: written, and their Pagefind process
              // ended, so that its memory goes back (after deleteIndex alone it stays taken).
              for (const [done, doneIndex] of shared) {
                await write(doneIndex, path.join(site, done));
                bundles++;
              }
              if (shared.size > 0) await pagefind.close();
              shared.clear();
              shards.push(bundle);
            }
            shared.set(bundle, (index = await newIndex()));
          }
          await add(index, list, entry.slug);
        }
      }
    }
    for (const [bundle, index] of shared) {
      await write(index, path.join(site, bundle));
      bundles++;
    }
    if (design.sequential) {
      await writeFile(
        path.join(site, design.sequential.root, 'shards.json'),
        JSON.stringify(shards),
      );
    }
  } finally {
    await pagefind.close();
  }
  return { transcripts, items, bundles, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.main) {
  const [designId, corpus, site] = process.argv.slice(2);
  if (!designId || !corpus || !site) {
    console.error('usage: node bench/spikes/indexer.ts <design> <corpus.jsonl> <site folder>');
    process.exit(2);
  }
  try {
    console.log(JSON.stringify(await runIndexer(designId, corpus, site)));
  } catch (error) {
    console.error(`indexer: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
