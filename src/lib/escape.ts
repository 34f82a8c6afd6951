/**
 * Text written into markup by hand rather than by Astro: share pages
 * (./share.ts), the feed's HTML (./feed.ts) and captions (./captions.ts).
 */

/**
 * `&`, `<` and `>` as character references: the text starts no tag and
 * shows as written, in HTML and in a WebVTT cue alike (where `-->`, which
 * would end a cue's timing, becomes `--&gt;`).
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** As escapeText, and `"` too, for a value inside a double-quoted attribute. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
