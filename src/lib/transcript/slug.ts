/** Slugs are the file names of transcripts and the first segment of their addresses. */
import { escapeForTerminal } from './quote.ts';

/** `a-z`, `0-9` and `-`, with at least one letter or digit: `-.md` would have no title and no address to read. */
export const SLUG = /^(?=.*[a-z0-9])[a-z0-9-]+$/;

/** Addresses of the site's own pages, which a transcript's would hide or be hidden by. */
const SITE_PAGES = new Set(['glossary']);

/** "ai-panel" becomes "Ai panel": a readable title for a file without one. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/-+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A suggestion for a file name that is not a valid slug: "My Panel.md" → "my-panel". */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A name an author meant as a transcript's but that is not read as one: `x.MD`, `x.markdown`. */
export function isNearTranscriptName(name: string): boolean {
  return !name.endsWith('.md') && /\.(md|markdown)$/i.test(name);
}

/**
 * Problems with the names in a transcripts folder: each `.md` name that is
 * not a slug, and each name that would be a transcript's but for its
 * ending (`x.MD`, `x.markdown`), each with a name to use instead that no
 * other file has. `A.md` beside `a.md` is a duplicate: the two are one file
 * on a case-insensitive disk (macOS, Windows) and one address on many
 * servers, so it is told so. A name ending otherwise than in `.md` is a
 * problem, not a warning: the transcript would be missing from the site,
 * and a warning scrolls past in a build's log.
 */
export function checkFileNames(names: readonly string[]): { name: string; message: string }[] {
  const transcripts = names.filter((name) => name.endsWith('.md'));
  const slugs = transcripts.map((name) => name.slice(0, -'.md'.length));
  const taken = new Set(slugs.filter((slug) => SLUG.test(slug)));
  const problems: { name: string; message: string }[] = [];

  transcripts.forEach((name, index) => {
    const slug = slugs[index]!;
    if (SITE_PAGES.has(slug)) {
      problems.push({
        name,
        message: `the file name \`${name}\` would serve this transcript at /${slug}/, the address of the site's ${slug}: rename it, e.g. \`${unusedSlug(`${slug}-panel`, taken)}.md\``,
      });
      return;
    }
    if (SLUG.test(slug)) return;
    const wanted = suggestSlug(slug) || 'my-transcript';
    const suggestion = unusedSlug(wanted, taken);
    taken.add(suggestion);
    const clash = slugs.includes(wanted) && wanted !== suggestion;
    const shown = escapeForTerminal(name);
    problems.push({
      name,
      message: clash
        ? `the file name \`${shown}\` is not a valid slug, and \`${wanted}.md\`, the name it would become, is another transcript's: both would be served at /${wanted}/; rename this file with only a-z, 0-9 and -, to a name no other file has, e.g. \`${suggestion}.md\`, or merge the two if they are the same transcript`
        : `the file name \`${shown}\` is not a valid slug: use only a-z, 0-9 and -, e.g. \`${suggestion}.md\``,
    });
  });

  for (const name of names.filter(isNearTranscriptName)) {
    const stem = name.slice(0, name.lastIndexOf('.'));
    const wanted = suggestSlug(stem) || 'my-transcript';
    const suggestion = unusedSlug(wanted, taken);
    taken.add(suggestion);
    const also = wanted === suggestion ? '' : ` (\`${wanted}.md\` is another transcript's)`;
    problems.push({
      name,
      message: `the file \`${escapeForTerminal(name)}\` is not read as a transcript: a transcript's name ends in \`.md\`, in lower case; rename it \`${suggestion}.md\`${also}, or move it out of this folder if it is not a transcript`,
    });
  }
  return problems;
}

/** `slug`, or `slug-2`, `slug-3`, … when another file has it. */
function unusedSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  let number = 2;
  while (taken.has(`${slug}-${number}`)) number++;
  return `${slug}-${number}`;
}
