/**
 * Text cut to fit where it is shown, with an ellipsis where it was cut: a
 * share page's quote, a page's `<title>`. Pure, for unit tests.
 */

/**
 * What search engines show of a page's `<title>`, in UTF-16 code units as
 * html-validate's `long-title` counts them; `og:title` and the heading
 * keep the whole title.
 */
export const TITLE_LENGTH = 70;

/** `text` cut to `length` characters (code points), at a space if one is near, marked with an ellipsis. */
export function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = [...flat];
  if (characters.length <= length) return flat;
  const cut = characters.slice(0, length - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length - 20 && space > 0 ? cut.slice(0, space) : cut}…`;
}

/** A page's `<title>`: its title and the site's name, the title cut to leave room for the name, within TITLE_LENGTH. */
export function pageTitle(title: string, siteName: string): string {
  const suffix = ` · ${siteName}`;
  // A site name that leaves the title no room is left out.
  const room = TITLE_LENGTH - suffix.length >= 20 ? TITLE_LENGTH - suffix.length : TITLE_LENGTH;
  let length = room;
  let cut = clip(title, length);
  // clip() counts code points; a character beyond the BMP is two code units.
  while (cut.length > room) cut = clip(title, --length);
  return room === TITLE_LENGTH ? cut : `${cut}${suffix}`;
}
