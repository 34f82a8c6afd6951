/** Slugs are the file names of transcripts and the first segment of their addresses. */

export const SLUG = /^[a-z0-9-]+$/;

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

/**
 * Problems with the names of a folder's `.md` files: each name that is not
 * a slug, with a name to use instead that no other file has. `A.md` beside
 * `a.md` is a duplicate: the two are one file on a case-insensitive disk
 * (macOS, Windows) and one address on many servers, so it is told so.
 */
export function checkFileNames(names: readonly string[]): { name: string; message: string }[] {
  const slugs = names.map((name) => name.slice(0, -'.md'.length));
  const taken = new Set(slugs.filter((slug) => SLUG.test(slug)));
  const problems: { name: string; message: string }[] = [];

  slugs.forEach((slug, index) => {
    if (SLUG.test(slug)) return;
    const name = names[index]!;
    const wanted = suggestSlug(slug) || 'my-transcript';
    const suggestion = unusedSlug(wanted, taken);
    taken.add(suggestion);
    const clash = slugs.includes(wanted) && wanted !== suggestion;
    problems.push({
      name,
      message: clash
        ? `the file name \`${name}\` is not a valid slug, and \`${wanted}.md\`, the name it would become, is another transcript's: both would be served at /${wanted}/; rename this file with only a-z, 0-9 and -, to a name no other file has, e.g. \`${suggestion}.md\`, or merge the two if they are the same transcript`
        : `the file name \`${name}\` is not a valid slug: use only a-z, 0-9 and -, e.g. \`${suggestion}.md\``,
    });
  });
  return problems;
}

/** `slug`, or `slug-2`, `slug-3`, … when another file has it. */
function unusedSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  let number = 2;
  while (taken.has(`${slug}-${number}`)) number++;
  return `${slug}-${number}`;
}
