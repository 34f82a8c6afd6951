/**
 * The inline Markdown of a paragraph: emphasis, `[links](…)`, inline code
 * and backslash escapes, nothing else. Each source line is one paragraph, so
 * block syntax (headings, lists, quotes) and raw HTML would only ever
 * misread what a speaker said: those constructs are switched off in the
 * tokenizer and their characters stay text, which the HTML serializer
 * escapes. Character references and `<https://…>` autolinks are off too,
 * so `&amp;` and the angle brackets read as written.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified, type Processor } from 'unified';
import remarkStageDirections from './stage-directions.ts';

const OFF = [
  'autolink',
  'blockQuote',
  'characterReference',
  'codeFenced',
  'codeIndented',
  'definition',
  'hardBreakEscape',
  'hardBreakTrailing',
  'headingAtx',
  'htmlFlow',
  'htmlText',
  'labelStartImage',
  'list',
  'setextUnderline',
  'thematicBreak',
];

function remarkInlineOnly(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: OFF } });
}

const parser = unified().use(remarkParse).use(remarkInlineOnly);
const renderer = unified().use(remarkStageDirections).use(remarkRehype).use(rehypeStringify);

export function parseInline(markdown: string): Root {
  return parser.parse(markdown);
}

/** The text a reader sees in a paragraph: Markdown syntax and link targets left out. */
export function visibleText(markdown: string): string {
  return toString(parseInline(markdown));
}

/** Renders paragraphs of inline Markdown to HTML, one `<p>` each. */
export function renderParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((paragraph) => renderer.stringify(renderer.runSync(parseInline(paragraph))))
    .join('\n');
}
