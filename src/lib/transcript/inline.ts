/**
 * The inline Markdown of a paragraph: emphasis, `[links](…)`, inline code
 * and backslash escapes, nothing else. Each source line is one paragraph, so
 * block syntax (headings, lists, quotes) and raw HTML would only ever
 * misread what a speaker said: those constructs are switched off in the
 * tokenizer and their characters stay text, which the HTML serializer
 * escapes. Character references and `<https://…>` autolinks are off too,
 * so `&amp;` and the angle brackets read as written.
 *
 * Each paragraph is parsed once: its HTML, the text a reader sees and its
 * links all come from that one tree.
 */
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
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

/**
 * The most characters of inline syntax a paragraph may have. micromark
 * pairs emphasis, links and code spans in time that grows with the square
 * of their number (100 000 characters of `*a` took over two minutes), and
 * nests them as deep as they go (2 000 levels overflowed the stack while
 * rendering); a thousand is far more than any paragraph of speech needs
 * (the seed's paragraphs have at most two) and reads in a fraction of a
 * second, nested 500 deep at most.
 */
export const SYNTAX_LIMIT = 1000;

/** `*`, `_`, `` ` ``, `[`, `]` and `\`: every character that starts inline syntax still switched on. */
const SYNTAX = new Set([0x2a, 0x5f, 0x60, 0x5b, 0x5d, 0x5c]);

/** How many of those a paragraph holds: what its parse costs grows with the square of it. */
export function syntaxCount(markdown: string): number {
  let count = 0;
  for (let index = 0; index < markdown.length; index++) {
    if (SYNTAX.has(markdown.charCodeAt(index))) count++;
  }
  return count;
}

// micromark drops a byte-order mark at the start of a document, and each
// paragraph is parsed as a document of its own: giving it one to drop keeps
// an author's U+FEFF at the start of a line as text, and every offset in the
// tree an offset into the paragraph as written.
const BYTE_ORDER_MARK = '\uFEFF';

export interface InlineLink {
  url: string;
  /** UTF-16 index in the paragraph of the link's `[`. */
  offset: number;
}

export interface InlineParagraph {
  /** The paragraph as one `<p>`, stage directions marked up. */
  html: string;
  /** What a reader sees: Markdown syntax and link targets left out. */
  text: string;
  /** Every link, in the order they appear. */
  links: InlineLink[];
}

export type InlineResult =
  | { ok: true; paragraph: InlineParagraph }
  | {
      ok: false;
      /** UTF-16 index in the paragraph of the place the message is about. */
      offset: number;
      message: string;
    };

export function readInline(markdown: string): InlineResult {
  const overLimit = checkLimits(markdown);
  if (overLimit) return overLimit;
  try {
    const tree = parser.parse(BYTE_ORDER_MARK + markdown);
    const text = toString(tree);
    const links: InlineLink[] = [];
    visit(tree, 'link', (node: Link) => {
      links.push({ url: node.url, offset: node.position!.start.offset! });
    });
    const html = renderer.stringify(renderer.runSync(tree));
    return { ok: true, paragraph: { html, text, links } };
  } catch (error) {
    // The limit keeps nesting shallow enough to render; should anything
    // still fail, the author gets its place rather than a crash of the build.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      offset: 0,
      message: `this paragraph could not be rendered (${reason}): nest less Markdown in it, or split it into shorter paragraphs, each on a line of its own`,
    };
  }
}

function checkLimits(markdown: string): InlineResult | undefined {
  let syntax = 0;
  let syntaxOver = 0;
  for (let index = 0; index < markdown.length; index++) {
    const code = markdown.charCodeAt(index);
    if (SYNTAX.has(code) && ++syntax === SYNTAX_LIMIT + 1) syntaxOver = index;
  }
  if (syntax > SYNTAX_LIMIT) {
    return {
      ok: false,
      offset: syntaxOver,
      message: `this paragraph has ${thousands(syntax)} of the characters \`*\`, \`_\`, \`\` \` \`\`, \`[\`, \`]\` and \`\\\`, which Markdown reads as syntax, and a paragraph may have at most ${thousands(SYNTAX_LIMIT)} (the first one over is at this column): split it into shorter paragraphs, each on a line of its own`,
    };
  }
  return undefined;
}

function thousands(count: number): string {
  return count.toLocaleString('en-US');
}
