/**
 * What a browser would make of a block's rendered HTML: parsed as a
 * fragment by hast-util-from-html (parse5, the HTML standard's parser), so
 * entities are decoded and a `<scr<script>ipt>` trick is read as a browser
 * reads it, not as a regular expression would.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * The elements inline Markdown produces, and the properties (hast's names
 * for attributes) each may carry:
 * - `p`: one per source line (inline.ts renders each paragraph alone);
 * - `em`, `strong`: `*emphasis*` and `**strong**`;
 * - `code`: `` `inline code` ``;
 * - `a` with `href` and, from `[text](url "title")`, `title`;
 * - `span` with class `stage-direction`: stage-directions.ts marks `[laughter]`;
 * - `span` with class `gloss` and a `title`: gloss-marks.ts marks a glossary term.
 * No `br`: both hard-break constructs are switched off, and a paragraph is
 * one line. No `img`: `![…](…)` is switched off. Raw HTML is text.
 */
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  em: [],
  strong: [],
  code: [],
  a: ['href', 'title'],
  span: ['className', 'title'],
};
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

export function parseFragment(html: string): Root {
  return fromHtml(html, { fragment: true });
}

/** Everything in the HTML that is not plain inline Markdown output, each said in a few words; [] when safe. */
export function hazards(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element') found.push(...elementHazards(node));
    else if (node.type !== 'root' && node.type !== 'text') found.push(`a ${node.type} node`);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(parseFragment(html));
  return found;
}

function elementHazards(element: Element): string[] {
  const allowed = ALLOWED[element.tagName];
  if (!allowed) return [`a <${element.tagName}> element`];
  const found = Object.keys(element.properties)
    .filter((name) => !allowed.includes(name))
    .map((name) => `<${element.tagName}> with the attribute ${name}`);
  const { className, href } = element.properties;
  const spanClasses = ['stage-direction', 'gloss'];
  if (element.tagName === 'span' && !spanClasses.includes(String(className))) {
    found.push(`<span> with the class ${String(className)}`);
  }
  if (
    element.tagName === 'span' &&
    element.properties.title !== undefined &&
    String(className) !== 'gloss'
  ) {
    found.push(`<span class="${String(className)}"> with a title`);
  }
  if (href !== undefined) {
    const scheme = schemeOf(String(href));
    if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) {
      found.push(`a link to ${JSON.stringify(String(href))}, scheme ${scheme}`);
    }
  }
  return found;
}

/**
 * The scheme of a URL as a browser reads it (the URL standard): C0 controls
 * and spaces at its ends left out, tabs and newlines anywhere removed, so
 * `\u0001java\tscript:` is `javascript`. Undefined for a relative URL.
 */
export function schemeOf(url: string): string | undefined {
  const trimmed = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
}

/**
 * The text of each top-level element, in order: what the page shows of each
 * paragraph. Text outside them, but the line breaks between, is listed as `#text`.
 */
export function paragraphTexts(html: string): { tagName: string; text: string }[] {
  return parseFragment(html).children.flatMap((node) => {
    if (node.type === 'element') return [{ tagName: node.tagName, text: textOf(node) }];
    if (node.type === 'text' && node.value === '\n') return [];
    return [{ tagName: `#${node.type}`, text: textOf(node) }];
  });
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
