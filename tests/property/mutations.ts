/**
 * Generated edits of the corpus: what real and hostile authors write, from
 * a stray no-break space to a 20,000-character run of asterisks. Positions
 * count code points, so an edit never splits a surrogate pair: a file read
 * as UTF-8 cannot hold a lone surrogate either.
 */
import fc from 'fast-check';
import { corpus } from './corpus.ts';
import { show } from './show.ts';

/**
 * The longest run an edit inserts, in code points. Most properties check
 * what a parse returns, which long runs change little, and runs of 2,000
 * keep them to a minute or two; the property about time has its own runs
 * of up to LONGEST_RUN, each parse stopped at its time budget.
 */
const LONG_RUN = 2_000;
export const LONGEST_RUN = 20_000;
/** An edit that would grow the file past this (repeating a long line, say) is left out. */
const LARGEST_FILE = 60_000;

const codePoint = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((code) => String.fromCodePoint(code));

/** White space and invisible characters that JavaScript's trim() and Markdown each treat their own way. */
export const INVISIBLE = [
  '\u3000', // ideographic space
  '\u00A0', // no-break space
  '\uFEFF', // byte-order mark / zero-width no-break space
  '\r',
  '\r\n',
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\t',
  ' ',
  '\u200B', // zero-width space
  '\u200C', // zero-width non-joiner
  '\u200D', // zero-width joiner
  '\u2060', // word joiner
  '\u00AD', // soft hyphen
  '\u180E', // Mongolian vowel separator
  '\u202F', // narrow no-break space
  '\u2009', // thin space
  '\u0085', // next line (a C1 control)
];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068'];
const MORE_BIDI = ['\u2069', '\u200E', '\u200F', '\u061C'];
const MARKDOWN = [...'*_`[]()!<>&#\\'];
const YAML = [...'&*!|>{}[],:#\'"%@`?-'];
const CJK_PUNCTUATION = [...'，。：！？、；「」『』《》（）…—'];

const controlCharacter = fc.oneof(codePoint(0x00, 0x1f), codePoint(0x7f, 0x9f));
const combiningMark = fc.oneof(codePoint(0x0300, 0x036f), fc.constantFrom('\u20DD', '\u3099'));
const astral = fc.oneof(
  codePoint(0x1f300, 0x1faff),
  // A skin-tone sequence, a ZWJ family, a flag, a Han character beyond the BMP, a math letter.
  fc.constantFrom('👍🏽', '👨‍👩‍👧', '🇨🇳', '𠀀', '𝐀'),
);
const han = codePoint(0x4e00, 0x9fff);
const cjkText = fc.string({
  unit: fc.oneof(han, fc.constantFrom(...CJK_PUNCTUATION)),
  minLength: 1,
  maxLength: 12,
});
const words = fc
  .array(fc.constantFrom('the', 'model', 'Ada', 'GPT-4', 'and', 'so', 'on', 'x', '42', 'é'), {
    minLength: 1,
    maxLength: 6,
  })
  .map((list) => list.join(' '));
const shortText = fc.oneof(words, cjkText, fc.string({ maxLength: 6 }));

const singleCharacter = fc.oneof(
  fc.constantFrom(...INVISIBLE),
  controlCharacter,
  fc.constantFrom(...BIDI, ...MORE_BIDI),
  combiningMark,
  astral,
  fc.constantFrom(...MARKDOWN),
  fc.constantFrom(...YAML),
  fc.constantFrom(':', '：'),
);

const CLOSERS: Record<string, string> = { '[': '](https://example.com)', '`': '`' };
/** Emphasis, code and link openers nested around some text, closed in reverse order. */
const nesting = fc
  .tuple(
    fc.array(fc.constantFrom('*', '**', '_', '__', '***', '`', '['), {
      minLength: 1,
      maxLength: 30,
    }),
    shortText,
  )
  .map(
    ([openers, inner]) =>
      openers.join('') +
      inner +
      [...openers]
        .reverse()
        .map((opener) => CLOSERS[opener] ?? opener)
        .join(''),
  );
const emphasisRun = fc
  .tuple(fc.constantFrom('*', '_', '**', '__', '~'), fc.integer({ min: 1, max: 40 }), shortText)
  .map(([marker, times, inner]) => marker.repeat(times) + inner + marker.repeat(times));

const SAFE_URLS = [
  'https://example.com/a',
  'http://example.com',
  'mailto:a@example.com',
  '/local/path',
  '#turn-1',
  'relative',
  '../up',
  '//example.com',
  'https://例子.测试/路径?q=1&r=2',
  '<https://example.com/a b>',
  '',
];
/** `javascript:` and friends, as filters miss them: mixed case, entities, white space and controls in the scheme. */
const UNSAFE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  '\u0001javascript:alert(1)',
  'javascript\u0000:alert(1)',
  '<javascript:alert(1)>',
  'java%0ascript:alert(1)',
  'jav\u200Bascript:alert(1)',
  'javascript://%0aalert(1)',
  '\\javascript:alert(1)',
  'java\\script:alert(1)',
  'file:///etc/passwd',
  'javascript\u3000:alert(1)',
];
const LINK_TITLES = ['', ' "title"', " 'title'", ' (title)', ' "a\\"b"', ' "onmouseover=alert(1)"'];
const link = fc
  .tuple(
    fc.constantFrom('!', ''),
    shortText,
    fc.constantFrom(...SAFE_URLS, ...UNSAFE_URLS),
    fc.constantFrom(...LINK_TITLES),
  )
  .map(([bang, text, url, title]) => `${bang}[${text}](${url}${title})`);
/** Raw HTML and the other ways in that inline Markdown might open. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<button formaction=javascript:alert(1)>x</button>',
  '<p style="background:url(javascript:alert(1))">',
  '<style>*{}</style>',
  '<!-- comment -->',
  '<![CDATA[x]]>',
  '&lt;script&gt;',
  '&#60;script&#62;',
  '<javascript:alert(1)>',
  '<https://example.com>',
  '<a@example.com>',
  '[ref]',
  '[ref]: javascript:alert(1)',
  '[x][ref]',
  '`` ` ``',
  '\\',
  '  ',
  '[laughter]',
  '[笑声]',
  '[[nested]]',
];
const hostile = fc.constantFrom(...HOSTILE);

const NAMES = [
  'Ada',
  'Bo',
  'Li Wei',
  'Sam',
  'Grace',
  'Josh',
  'Yan',
  'A',
  'Guest',
  '主持人',
  '',
  ' ',
  'Ada ',
  'A*B',
];
const speakerName = fc.oneof(
  { arbitrary: fc.constantFrom(...NAMES), weight: 4 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
);
/** Speaker labels, and near misses of one. */
const label = fc.oneof(
  fc.tuple(speakerName, fc.constantFrom(':', '：')).map(([name, colon]) => `**${name}${colon}**`),
  fc.constantFrom(
    '**Ada**:',
    '**Ada:*',
    '*Ada:*',
    '**Ada :**',
    '__Ada:__',
    '** Ada:**',
    '**Ada：** ',
    '**:**',
  ),
);

const YAML_LINES = [
  'title: *Draft*',
  'title: &a x',
  'event: *a',
  'title: !!binary eA==',
  'title: !tag x',
  'title: |',
  'title: >-',
  '  indented: x',
  '\ttitle: x',
  'title: {a: 1}',
  'title: [a, b]',
  'title: "unterminated',
  "title: 'x''y'",
  'title:',
  'title: ""',
  'title: ~',
  'title: null',
  'title: 2024-05-31',
  'date: 2024-02-30',
  'date: 2024-5-1',
  'source: javascript:alert(1)',
  'source: ftp://example.com',
  'speakers:',
  '  Ada:',
  '    role: Moderator',
  '    role: [x]',
  '  Ada: x',
  '? complex',
  '<<: *a',
  '%YAML 1.2',
  '...',
  'title: x # comment',
  'unknown: x',
  'Title: x',
  'title: a: b',
  'speakers: &s {Ada: {role: x}}',
  'title: @x',
  'title: `x`',
  'title: x\ntitle: y',
  '---',
];
const FIELDS = [
  'title',
  'description',
  'date',
  'event',
  'source',
  'speakers',
  'role',
  'team',
  'titel',
];
const yamlLine = fc.oneof(
  fc.constantFrom(...YAML_LINES),
  fc
    .tuple(
      fc.constantFrom('', '  ', '    ', '\t'),
      fc.constantFrom(...FIELDS),
      fc.string({
        unit: fc.oneof(fc.constantFrom(...YAML), codePoint(0x20, 0x7e), han),
        maxLength: 12,
      }),
    )
    .map(([indent, key, value]) => `${indent}${key}: ${value}`),
);

const CLOSING: Record<string, string> = { '*': '*', _: '_', '`': '`', '[': ']', '(': ')' };
/** What closes a unit's openers, in reverse order: `*[a](` is closed by `)]*`. */
const closing = (unit: string) =>
  [...unit]
    .reverse()
    .map((character) => CLOSING[character] ?? '')
    .join('');

/**
 * A short unit repeated into a run of up to `longest` code points, and
 * when `nested`, followed by as many closers: `*a*a*a…***`.
 */
export const longRun = (longest: number) =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          ...['*', '_', '*a', '*_', '_*', '**a', 'a*', '[', '[a](', '](', '`', '\\', ' ', '\t'],
          ...['\u3000', '你', 'a ', '<', '&amp;', '![', '*[', '**A:**', '[a]', '(', '\u00A0'],
          // Chinese inside the nesting keeps the block Chinese, so it is rendered.
          ...['*你', '**你', '*_你', '_你 ', '*[你', '[你](', '`你'],
        ),
        singleCharacter,
        shortText,
      ),
      fc.integer({ min: 1, max: longest }),
      fc.boolean(),
    )
    .map(([unit, length, nested]) => {
      const closer = nested ? closing(unit) : '';
      const times = Math.floor(length / Math.max(1, [...unit].length + [...closer].length)) || 1;
      return unit.repeat(times) + closer.repeat(times);
    });

/** Anything an author might type into a line. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: singleCharacter, weight: 8 },
  { arbitrary: cjkText, weight: 2 },
  { arbitrary: words, weight: 2 },
  { arbitrary: nesting, weight: 2 },
  { arbitrary: emphasisRun, weight: 1 },
  { arbitrary: link, weight: 3 },
  { arbitrary: hostile, weight: 2 },
  { arbitrary: label, weight: 2 },
  { arbitrary: yamlLine, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 10 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 1 },
  { arbitrary: longRun(LONG_RUN), weight: 1 },
);

/** A whole line: a labelled block, a continuation, a fence, a blank or white-space-only line. */
const line = fc.oneof(
  fc
    .tuple(label, fc.constantFrom(' ', '', '\t', '\u3000'), fragment)
    .map(([name, gap, text]) => name + gap + text),
  fragment,
  fc.constantFrom('---', '', ' ', '\t', '\u3000', '\u00A0', '\uFEFF', '\r'),
);

const position = fc.nat();

/** One edit. `at` and `line` are taken modulo the file's length or number of lines. */
export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'insertInText'; line: number; at: number; text: string }
  | { kind: 'insertLine'; line: number; text: string }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'replaceLine'; line: number; text: string }
  | { kind: 'repeatLine'; line: number; times: number }
  | { kind: 'moveLine'; line: number; to: number }
  | { kind: 'frontMatterLine'; line: number; text: string }
  | { kind: 'lineEndings'; ending: '\r\n' | '\r' | '\n\n' }
  | { kind: 'byteOrderMark' };

const insertInText = fc.record({
  kind: fc.constant('insertInText'),
  line: position,
  at: position,
  text: fragment,
});

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('insert'), at: position, text: fragment }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('delete'),
      at: position,
      length: fc.integer({ min: 1, max: 20 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('replace'),
      at: position,
      length: fc.integer({ min: 1, max: 20 }),
      text: fragment,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('insertLine'), line: position, text: line }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('deleteLine'), line: position }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('replaceLine'), line: position, text: line }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('repeatLine'),
      line: position,
      times: fc.integer({ min: 1, max: 50 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('moveLine'), line: position, to: position }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('frontMatterLine'), line: position, text: yamlLine }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('lineEndings'),
      ending: fc.constantFrom('\r\n', '\r', '\n\n'),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('byteOrderMark') }), weight: 1 },
);

/** A corpus file after some edits, printed readably when it is a counterexample. */
export class Sample {
  readonly file: string;
  readonly slug: string;
  readonly source: string;

  constructor(file: string, slug: string, source: string) {
    this.file = file;
    this.slug = slug;
    this.source = source;
  }

  [fc.toStringMethod](): string {
    return `${this.file} edited to ${show(this.source)}`;
  }
}

export function sample(
  file: string,
  slug: string,
  source: string,
  mutations: readonly Mutation[],
): Sample {
  return new Sample(file, slug, mutations.reduce(applyMutation, source));
}

/** Corpus files after one to six edits of any kind. */
export const mutatedFile: fc.Arbitrary<Sample> = fc
  .tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([file, mutations]) => sample(file.file, file.slug, file.source, mutations));

/** An edit applied to a file, or the file unchanged when the edit would grow it past LARGEST_FILE. */
export function applyMutation(source: string, edit: Mutation): string {
  const result = edited(source, edit);
  return result.length > LARGEST_FILE ? source : result;
}

function edited(source: string, edit: Mutation): string {
  switch (edit.kind) {
    case 'insert':
      return splice(source, edit.at, 0, edit.text);
    case 'delete':
      return splice(source, edit.at, edit.length, '');
    case 'replace':
      return splice(source, edit.at, edit.length, edit.text);
    case 'insertInText':
      return onLines(source, (lines) => {
        const body = bodyTextLines(lines);
        if (body.length === 0) return lines;
        const index = body[edit.line % body.length]!;
        const text = lines[index]!;
        const start = labelOf(text).length;
        const characters = [...text.slice(start)];
        characters.splice(edit.at % (characters.length + 1), 0, edit.text);
        return lines.toSpliced(index, 1, text.slice(0, start) + characters.join(''));
      });
    case 'insertLine':
      return onLines(source, (lines) =>
        lines.toSpliced(edit.line % (lines.length + 1), 0, edit.text),
      );
    case 'deleteLine':
      return onLines(source, (lines) => lines.toSpliced(edit.line % lines.length, 1));
    case 'replaceLine':
      return onLines(source, (lines) => lines.toSpliced(edit.line % lines.length, 1, edit.text));
    case 'repeatLine':
      return onLines(source, (lines) => {
        const at = edit.line % lines.length;
        return lines.toSpliced(at, 0, ...Array<string>(edit.times).fill(lines[at]!));
      });
    case 'moveLine':
      return onLines(source, (lines) => {
        const from = edit.line % lines.length;
        const rest = lines.toSpliced(from, 1);
        return rest.toSpliced(edit.to % (rest.length + 1), 0, lines[from]!);
      });
    case 'frontMatterLine':
      return onLines(source, (lines) => {
        const closing = lines[0]?.replace(/^\uFEFF/, '').startsWith('---')
          ? lines.findIndex((text, index) => index > 0 && text.startsWith('---'))
          : -1;
        if (closing === -1) return ['---', edit.text, '---', ...lines];
        return lines.toSpliced(1 + (edit.line % closing), 0, edit.text);
      });
    case 'lineEndings':
      return source.replace(/\r?\n/g, edit.ending);
    case 'byteOrderMark':
      return `\uFEFF${source}`;
  }
}

function splice(source: string, at: number, length: number, text: string): string {
  const characters = [...source];
  characters.splice(at % (characters.length + 1), length, text);
  return characters.join('');
}

function onLines(source: string, change: (lines: string[]) => string[]): string {
  return change(source.split('\n')).join('\n');
}

/** Characters JavaScript's trim() drops but the contract keeps: a paragraph may start or end with them. */
export const KEPT_AT_EDGES = ['\u3000', '\u00A0', '\uFEFF'];

/**
 * A corpus file with one of KEPT_AT_EDGES added at the edge of a text: at
 * the end of a body line, or at its start (for a labelled line, right
 * after the label and the space that follows it).
 */
export const edgeCharacter: fc.Arbitrary<Sample> = fc
  .tuple(fc.constantFrom(...corpus), fc.nat(), fc.constantFrom(...KEPT_AT_EDGES), fc.boolean())
  .map(([file, pick, character, atStart]) => {
    const lines = file.source.split('\n');
    const body = bodyTextLines(lines);
    const index = body[pick % body.length]!;
    const text = lines[index]!;
    const label = labelOf(text);
    const end = text.endsWith('\r') ? text.length - 1 : text.length;
    const offset = atStart ? label.length : end;
    const before = lines.slice(0, index).join('\n').length + (index > 0 ? 1 : 0) + offset;
    const at = [...file.source.slice(0, before)].length;
    return sample(file.file, file.slug, file.source, [{ kind: 'insert', at, text: character }]);
  });

/** The speaker label at the start of a line and the blanks after it, or ''. */
function labelOf(text: string): string {
  return /^\s*\*\*[^*]*[:：]\*\*[ \t]*/.exec(text)?.[0] ?? '';
}

/** Indexes of the lines after the front matter that hold more than white space. */
function bodyTextLines(lines: readonly string[]): number[] {
  const fenced = /^(\uFEFF)?---\r?$/.test(lines[0] ?? '');
  const closing = fenced
    ? lines.findIndex((line, index) => index > 0 && /^---\r?$/.test(line))
    : -1;
  return lines.flatMap((line, index) => (index > closing && line.trim() ? [index] : []));
}

/**
 * Corpus files after one to four insertions into the text of a block, the
 * labels left alone: most stay valid, for the properties of valid files.
 */
export const editedText: fc.Arbitrary<Sample> = fc
  .tuple(fc.constantFrom(...corpus), fc.array(insertInText, { minLength: 1, maxLength: 4 }))
  .map(([file, mutations]) => sample(file.file, file.slug, file.source, mutations));

const markup = fc.oneof(
  { arbitrary: link, weight: 4 },
  { arbitrary: hostile, weight: 3 },
  { arbitrary: nesting, weight: 2 },
  { arbitrary: emphasisRun, weight: 1 },
  { arbitrary: fc.constantFrom(...MARKDOWN), weight: 2 },
);

/** Corpus files with links, raw HTML and emphasis inserted into the text of their blocks. */
export const editedMarkup: fc.Arbitrary<Sample> = fc
  .tuple(
    fc.constantFrom(...corpus),
    fc.array(
      fc.record({ kind: fc.constant('insertInText'), line: position, at: position, text: markup }),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
  )
  .map(([file, mutations]) => sample(file.file, file.slug, file.source, mutations));

/** Corpus files with one run of up to LONGEST_RUN code points in the text of a block, and maybe other edits. */
export const longLine: fc.Arbitrary<Sample> = fc
  .tuple(
    fc.constantFrom(...corpus),
    fc.record({
      kind: fc.constant('insertInText'),
      line: position,
      at: position,
      text: longRun(LONGEST_RUN),
    }),
    fc.array(mutation, { maxLength: 2 }),
  )
  .map(([file, run, others]) => sample(file.file, file.slug, file.source, [run, ...others]));
