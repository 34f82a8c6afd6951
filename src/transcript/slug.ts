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
