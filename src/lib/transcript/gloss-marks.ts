/**
 * Marks the glossary's English terms in an English block's HTML: each
 * occurrence becomes `<span class="gloss" title="可纠正性">corrigibility</span>`,
 * its text untouched, so the page offers the Chinese term to whoever
 * points at it (src/client/gloss-tips.ts adds focus, and a tooltip with the
 * term's pinyin from the glossary's terms: in every mark's title, the pinyin
 * of the seed's marks cost 0.3 KB of its first view, gzip). Never inside a
 * link (a mark there would sit on a control of its own), inline code (its
 * text is literal) or a stage direction (not what was said). The markup
 * repeats on every occurrence, so it is one short class and one attribute.
 *
 * It works on the HTML inline.ts wrote, not on a tree: the glossary is
 * known only once every turn is read, and rendering the English again cost
 * more than a third of a transcript's parse. That HTML is a closed set
 * (inline.ts): `p`, `em`, `strong`, `code`, `a` and `span`, every attribute
 * in double quotes with any `"` in it written `&#x22;`, and `&` and `<` in
 * text written as references, so a tag ends at the first `>` outside
 * quotes and text holds no markup. A term is found between references, so
 * one holding `&` or `<` is not marked.
 */
import { findTerms, type TermMatcher } from './gloss-terms.ts';

export const GLOSS_CLASS = 'gloss';

/** A tag, its attributes' quoted values holding any `>`. */
const TAG = /<(\/?)([a-z]+)(?:[^>"]|"[^"]*")*>/g;
/** Elements whose text is never marked; they may nest (a code span in a link). */
const UNMARKED = new Set(['a', 'code', 'span']);

const attribute = (value: string) =>
  value.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;').replace(/</g, '&#x3C;');

export function markGlosses(html: string, matcher: TermMatcher): string {
  let out = '';
  let last = 0;
  let unmarked = 0;
  const text = (end: number) => {
    const piece = html.slice(last, end);
    out += unmarked > 0 ? piece : markText(piece, matcher);
  };
  for (const tag of html.matchAll(TAG)) {
    text(tag.index);
    out += tag[0];
    last = tag.index + tag[0].length;
    if (UNMARKED.has(tag[2]!)) unmarked += tag[1] ? -1 : 1;
  }
  text(html.length);
  return out;
}

/** A character reference, `&#x26;`: never cut, never part of a term. */
const REFERENCE = /&#?[a-z0-9]+;/gi;

function markText(text: string, matcher: TermMatcher): string {
  let out = '';
  let last = 0;
  for (const reference of text.matchAll(REFERENCE)) {
    out += markRun(text.slice(last, reference.index), matcher) + reference[0];
    last = reference.index + reference[0].length;
  }
  return out + markRun(text.slice(last), matcher);
}

function markRun(text: string, matcher: TermMatcher): string {
  let out = '';
  let last = 0;
  for (const { index, text: written, zh } of findTerms(text, matcher)) {
    out += `${text.slice(last, index)}<span class="${GLOSS_CLASS}" title="${attribute(zh)}">${written}</span>`;
    last = index + written.length;
  }
  return out + text.slice(last);
}
