/**
 * Reads the YAML front matter and checks it against the schema, pointing
 * each problem at the line of the field it concerns. YAML has syntax an
 * author writing a title does not expect (`*Draft*` is a reference, ` #`
 * starts a comment): each such reading is reported with how to write the
 * value instead, never applied silently.
 */
import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  Parser,
  visit,
  type Document,
  type YAMLError,
} from 'yaml';
import type { z } from 'zod';
import { columnAt } from './column.ts';
import type { SpeakerLines } from './names.ts';
import { compareLocations, type LocatedMessage } from './problem.ts';
import { escapeForTerminal, quote } from './quote.ts';
import {
  frontMatterFields,
  frontMatterSchema,
  speakerInfoFields,
  type FrontMatter,
} from './schema.ts';
import { closestMatch } from './suggest.ts';

/** The speakers the front matter describes, and where. */
export interface DescribedSpeakers {
  speakers: NonNullable<FrontMatter['speakers']>;
  /** Line of each speaker's key under `speakers:`, and of their names. */
  lines: SpeakerLines;
}

export type FrontMatterResult =
  | {
      ok: true;
      data: FrontMatter;
      speakers: DescribedSpeakers;
      /** Line of each Chinese term under `glossary:`. */
      glossaryLines: Record<string, number>;
      /** Line of each field. */
      fieldLines: Record<string, number>;
    }
  | {
      ok: false;
      problems: LocatedMessage[];
      /**
       * The speakers, where `speakers:` itself is valid and the problems are
       * elsewhere: who each label names is still known, so the labels are
       * still checked.
       */
      speakers?: DescribedSpeakers;
    };

/**
 * Far beyond any front matter (a few fields and a speaker list), and small
 * enough that reading it stays fast: checks of YAML's grow faster than its
 * length. Past it, most likely the `---` that should end it is missing.
 */
export const FRONT_MATTER_LINES = 1_000;
export const FRONT_MATTER_CHARACTERS = 100_000;
/**
 * Front matter nests three deep (`speakers:`, a label, `role:`); YAML reads
 * values nested hundreds deep by recursion and fails, at a depth that
 * depends on the machine.
 */
export const FRONT_MATTER_DEPTH = 20;

/** A problem at an offset into the front matter text, before it is given a line. */
interface YamlProblem {
  offset: number;
  message: string;
}

export function parseFrontMatter(text: string, firstLine: number): FrontMatterResult {
  const tooLong = sizeProblem(text, firstLine);
  if (tooLong) return { ok: false, problems: [tooLong] };

  const lineCounter = new LineCounter();
  const syntax = readSyntax(text, lineCounter);
  if (syntax.tooDeep) {
    return { ok: false, problems: locate([syntax.tooDeep], text, lineCounter, firstLine) };
  }
  // The core schema leaves 2024-05-31 a string instead of turning it into a Date.
  // Repeated keys are found below, in one pass: YAML's own check compares every key with every other.
  const document = parseDocument(text, { schema: 'core', uniqueKeys: false });
  const lineOf = (offset: number | undefined) =>
    firstLine - 1 + (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  // Checked before the document becomes data: turning it into data is where
  // an unresolved alias throws, and where many aliases multiply.
  const tree = readTree(text, document, lineOf);
  // YAML's own errors last: where one is at the same place as one of ours, ours says more.
  const yamlProblems = [
    ...syntax.problems,
    ...tree.problems,
    ...firstErrorOnEachLine([...document.errors, ...document.warnings], lineCounter).map((error) =>
      describeYamlError(error, text, tree.nodes, syntax.unclosed),
    ),
  ];
  if (yamlProblems.length > 0) {
    return { ok: false, problems: locate(yamlProblems, text, lineCounter, firstLine) };
  }

  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    return {
      ok: false,
      problems: [
        {
          line: firstLine,
          message: 'front matter must be a list of fields such as `title: My panel`, one per line',
        },
      ],
    };
  }

  const data = (document.toJS() ?? {}) as Record<string, unknown>;
  const keyLines = (path: readonly string[]): Record<string, number> => {
    const map = nodeAt(document, path);
    return Object.fromEntries(
      (isMap(map) ? map.items : []).flatMap((pair) =>
        isScalar(pair.key) ? [[String(pair.key.value), lineOf(pair.key.range?.[0])]] : [],
      ),
    );
  };
  const described = (speakers: FrontMatter['speakers']): DescribedSpeakers => {
    const keys = keyLines(['speakers']);
    const names = Object.keys(keys).map((key) => [key, keyLines(['speakers', key])]);
    return { speakers: speakers ?? {}, lines: { keys, names: Object.fromEntries(names) } };
  };
  const result = frontMatterSchema.safeParse(data);
  if (result.success) {
    return {
      ok: true,
      data: result.data,
      speakers: described(result.data.speakers),
      glossaryLines: keyLines(['glossary']),
      fieldLines: keyLines([]),
    };
  }
  const speakers = frontMatterSchema.shape.speakers.safeParse(data.speakers);
  return {
    ok: false,
    problems: result.error.issues
      .flatMap((issue) => describeIssue(document, issue, lineOf))
      .sort(compareLocations),
    ...(speakers.success && { speakers: described(speakers.data) }),
  };
}

function sizeProblem(text: string, firstLine: number): LocatedMessage | undefined {
  const lines = text.split('\n').length;
  const size =
    lines > FRONT_MATTER_LINES
      ? `${lines.toLocaleString('en')} lines long, more than the ${FRONT_MATTER_LINES.toLocaleString('en')} lines`
      : text.length > FRONT_MATTER_CHARACTERS
        ? `${text.length.toLocaleString('en')} characters long, more than the ${FRONT_MATTER_CHARACTERS.toLocaleString('en')} characters`
        : undefined;
  if (!size) return undefined;
  return {
    line: firstLine - 1,
    message: `the front matter, from here to the \`---\` on line ${firstLine + lines}, is ${size} front matter may have: if the \`---\` that should end it is missing, add it after its last field`,
  };
}

/**
 * Each problem at its line and column in the file, the first on each line
 * only: later ones on the same line are most often YAML losing its way
 * after the first mistake, and go with it.
 */
function locate(
  problems: readonly YamlProblem[],
  text: string,
  lineCounter: LineCounter,
  firstLine: number,
): LocatedMessage[] {
  const lines = text.split('\n');
  const located = problems.map(({ offset, message }) => {
    const { line, col } = lineCounter.linePos(lastWritten(text, offset));
    const lineText = lines[line - 1] ?? '';
    // Never past the end of the line, where YAML notices what is missing.
    const index = Math.min(col - 1, Math.max(0, lineText.length - 1));
    // The YAML line is the file's line, so its column is the file's column too.
    return { line: firstLine - 1 + line, column: columnAt(lineText, index), message };
  });
  const seen = new Set<number>();
  return located.sort(compareLocations).filter(({ line }) => {
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}

/** An offset at the end of the text (what is missing is noticed there) moved back to the last character written. */
function lastWritten(text: string, offset: number): number {
  if (offset < text.length) return offset;
  let index = text.length - 1;
  while (index > 0 && /\s/.test(text[index]!)) index--;
  return Math.max(0, index);
}

/** A value in the document and where it is: `end` is where the value ends, before any comment. */
interface Spot {
  start: number;
  end: number;
  /** Where the node ends, comments and blanks after it included. */
  nodeEnd: number;
  kind: 'flow' | 'block' | 'quoted' | 'plain';
}

/**
 * One pass over the document: where each value is (to place YAML's errors),
 * and the readings YAML allows that an author does not mean: a field given
 * twice, a comment cutting a value short, a field named by a list.
 */
function readTree(
  text: string,
  document: Document,
  lineOf: (offset: number) => number,
): { nodes: Spot[]; problems: YamlProblem[] } {
  const nodes: Spot[] = [];
  const problems: YamlProblem[] = [];
  const spot = (node: { range?: number[] | null }, kind: Spot['kind']) => {
    const [start, end, nodeEnd] = node.range ?? [];
    if (start !== undefined && end !== undefined && nodeEnd !== undefined) {
      nodes.push({ start, end, nodeEnd, kind });
    }
  };
  visit(document, {
    Map(_, map) {
      spot(map, map.flow ? 'flow' : 'block');
      const first = new Map<string, number>();
      for (const { key } of map.items) {
        const offset = isScalar(key) ? key.range?.[0] : undefined;
        if (!isScalar(key) || offset === undefined) continue;
        const name = String(key.value);
        const earlier = first.get(name);
        if (earlier === undefined) first.set(name, offset);
        else {
          problems.push({
            offset,
            message: `front matter: \`${quote(name)}\` is given twice here, first on line ${lineOf(earlier)}: keep one of them`,
          });
        }
      }
    },
    Seq(_, seq) {
      spot(seq, seq.flow ? 'flow' : 'block');
    },
    Pair(_, pair) {
      const key = pair.key as { range?: number[] } | null;
      if (key === null || isScalar(key) || key.range === undefined) return;
      problems.push({
        offset: key.range[0]!,
        message:
          'front matter: a field name must be plain text, not a list or a map: write the field as `name: value`',
      });
    },
    Scalar(key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      spot(node, quoted ? 'quoted' : 'plain');
      const [start, end] = node.range ?? [];
      if (key === 'key' || node.type !== 'PLAIN' || start === undefined || end === undefined)
        return;
      // ` #` after an unquoted value starts a comment: `title: Episode #3` is the title "Episode".
      const comment = /^[ \t]+#/.exec(text.slice(end, end + 1_000));
      if (!comment) return;
      const hash = end + comment[0].length - 1;
      problems.push({
        offset: hash,
        message: `front matter: YAML reads \` #\` as the start of a comment, so this value ends before \`${quote(restOfLine(text, hash))}\`: if that is part of the value, put the whole value in quotes${example(text, start)}; if it is a comment, move it to a line of its own`,
      });
    },
  });
  return { nodes, problems };
}

/** YAML's errors, the first on each line only: describing one looks through the whole document. */
function firstErrorOnEachLine(errors: YAMLError[], lineCounter: LineCounter): YAMLError[] {
  const byLine = new Map<number, YAMLError>();
  for (const error of errors) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const kept = byLine.get(line);
    if (!kept || error.pos[0] < kept.pos[0]) byLine.set(line, error);
  }
  return [...byLine.values()];
}

/**
 * YAML's syntax tree, read before the document is: values nested too deep
 * for YAML to read, and anchors (`&name`), aliases (`*name`) and tags
 * (`!type`). An author never needs those in front matter, and each turns
 * text into something else (`*Draft*` is a reference to a value named
 * `Draft*`); an alias also multiplies what it refers to, the "billion
 * laughs" attack.
 */
function readSyntax(
  text: string,
  lineCounter: LineCounter,
): { problems: YamlProblem[]; unclosed: number[]; tooDeep?: YamlProblem } {
  const readings: Record<string, string> = {
    alias: 'a reference to another value (an alias)',
    anchor: 'a name for reusing it elsewhere (an anchor)',
    tag: 'its type (a tag)',
  };
  const collections = new Set(['block-map', 'block-seq', 'flow-collection']);
  const problems: YamlProblem[] = [];
  /** Where each `{` or `[` that is never closed is. */
  const unclosed: number[] = [];
  // Walked with a list rather than by recursion: values may nest thousands deep.
  const pending: { node: unknown; depth: number }[] = [
    ...[...new Parser(lineCounter.addNewLine).parse(text)].map((node) => ({ node, depth: 0 })),
  ];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (Array.isArray(node)) {
      for (const child of node) pending.push({ node: child, depth });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const { type, offset } = node as { type?: unknown; offset?: unknown };
    const at = typeof offset === 'number' ? offset : undefined;
    const inner = typeof type === 'string' && collections.has(type) ? depth + 1 : depth;
    if (inner > FRONT_MATTER_DEPTH && at !== undefined) {
      const tooDeep = {
        offset: at,
        message: `front matter: the values here are nested more than ${FRONT_MATTER_DEPTH} deep, and front matter needs three at most (\`speakers:\`, a label, \`role:\`): check the \`[\`, \`{\` and indentation of this line`,
      };
      return { problems, unclosed, tooDeep };
    }
    if (type === 'flow-collection' && at !== undefined) {
      const { end } = node as { end?: { type?: unknown }[] };
      const closings = ['flow-map-end', 'flow-seq-end'];
      if (!end?.some((token) => closings.includes(String(token.type)))) unclosed.push(at);
    }
    const reading = typeof type === 'string' ? readings[type] : undefined;
    if (reading && at !== undefined) {
      problems.push({
        offset: at,
        message: `front matter: YAML reads a value that starts with \`${text[at]}\` as ${reading}, which front matter does not use: put the value in quotes${example(text, at)}`,
      });
    }
    for (const child of Object.values(node)) {
      if (typeof child === 'object') pending.push({ node: child, depth: inner });
    }
  }
  return { problems, unclosed };
}

const FLOW = { '{': '}', '[': ']' } as const;

function describeYamlError(
  error: YAMLError,
  text: string,
  nodes: readonly Spot[],
  unclosed: readonly number[],
): YamlProblem {
  const offset = error.pos[0];
  if (/end with an? [}\]]/.test(error.message)) {
    // The innermost `{` or `[` without its closing mark before the place YAML gave up.
    const found = unclosed.filter((start) => start <= offset).reduce((a, b) => Math.max(a, b), -1);
    const at = found === -1 ? offset : found;
    const opening = text[at] === '[' ? '[' : '{';
    return {
      offset: at,
      message: `front matter: the \`${opening}\` here starts a YAML ${opening === '[' ? 'list' : 'map'} that is never closed with \`${FLOW[opening]}\`: close it, or if the \`${opening}\` is part of the text, put the whole value in quotes${example(text, at)}`,
    };
  }
  switch (error.code) {
    case 'BAD_SCALAR_START':
      return {
        offset,
        message: `front matter: YAML does not let a value start with \`${quote(text[offset] ?? '')}\`: put the value in quotes${example(text, offset)}`,
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/: |:$/.test(restOfLine(text, offset))) {
        return {
          offset,
          message: `front matter: YAML reads the \`: \` in this value as the start of another field: put the value in quotes${example(text, offset)}`,
        };
      }
      break;
    case 'UNEXPECTED_TOKEN': {
      // Text after a value that its closing mark ended on the same line: `"a" b`, `[Draft] notes`.
      const closed = nodes
        .filter(
          (node) =>
            (node.kind === 'flow' || node.kind === 'quoted') &&
            node.end <= offset &&
            !text.slice(node.end, offset).includes('\n'),
        )
        .reduce<Spot | undefined>(
          (last, node) => (last && last.end >= node.end ? last : node),
          undefined,
        );
      if (!closed) break;
      const mark = text[closed.end - 1] ?? '';
      return {
        offset: closed.start,
        message:
          closed.kind === 'quoted'
            ? `front matter: the quotes around this value end at the \`${mark}\` before \`${quote(restOfLine(text, offset))}\`: to write a \`${mark}\` inside the quotes, ${mark === '"' ? 'write it as `\\"`' : "write it twice (`''`)"}, or quote the value with the other kind of quote`
            : `front matter: YAML reads this value as a ${mark === ']' ? 'list' : 'map'} that ends at the \`${mark}\`, and the text after it is not understood: put the whole value in quotes${example(text, closed.start)}`,
      };
    }
    case 'KEY_OVER_1024_CHARS':
      return {
        offset,
        message:
          'front matter: YAML reads a field name, or a speaker label, of at most 1,024 characters, and this one is longer: shorten it',
      };
    case 'MULTIPLE_DOCS':
      return {
        offset,
        message:
          'front matter: YAML reads a line `...` as the end of the front matter, but more follows it: remove that line, or the fields after it',
      };
    case 'TAB_AS_INDENT':
      return {
        offset,
        message:
          'front matter: this line is indented with a tab, which YAML does not allow: indent it with spaces',
      };
  }
  // An unclosed quote is noticed at the end of the text, but the author has to fix the line it opens on.
  const scalar = nodes
    .filter(
      (node) =>
        (node.kind === 'quoted' || node.kind === 'plain') &&
        node.start <= offset &&
        offset <= node.nodeEnd,
    )
    .reduce((inner, node) => Math.max(inner, node.start), -1);
  return {
    offset: scalar === -1 ? offset : scalar,
    message: `front matter is not valid YAML: ${escapeForTerminal(firstSentence(error.message))}; check the quoting and indentation of this line`,
  };
}

/** The text from an offset to the end of its line, without trailing blanks. */
function restOfLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? undefined : end).trimEnd();
}

/**
 * `, e.g. "…"`: the value quoted, when it starts a field's value (after
 * `key:` or `- `) so that quoting the rest of the line is the fix. JSON's
 * double-quoted strings are YAML's too, escapes included.
 */
function example(text: string, offset: number): string {
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  // Inside `{…}` or `[…]`, the rest of the line is more than the value.
  if (!/(^|:|-)[ \t]*$/.test(before) || /[[{]/.test(before)) return '';
  const value = restOfLine(text, offset);
  return value === '' ? '' : `, e.g. \`${quote(JSON.stringify(value))}\``;
}

function firstSentence(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

/** The node at a path of keys, for the line of a field a problem concerns. */
function nodeAt(document: Document, path: readonly string[]): { range?: number[] } | undefined {
  return document.getIn(path, true) as { range?: number[] } | undefined;
}

/** One message per field: an unknown field at its name, any other problem at its value. */
function describeIssue(
  document: Document,
  issue: z.core.$ZodIssue,
  lineOf: (offset: number | undefined) => number,
): LocatedMessage[] {
  const path = issue.path.map(String);
  if (issue.code === 'invalid_union') {
    // A field in both languages is text or a map of them: its problem is that of the form written,
    // and a value of neither form is told what text looks like.
    const written = issue.errors.find(
      (issues) =>
        !issues.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
    );
    return (written ?? [issue.errors[0]![0]!]).flatMap((inner) =>
      describeIssue(document, { ...inner, path: [...issue.path, ...inner.path] }, lineOf),
    );
  }
  if (issue.code === 'unrecognized_keys') {
    const parent = path.length === 0 ? document.contents : nodeAt(document, path);
    const keyOffsets = new Map(
      (isMap(parent) ? parent.items : []).flatMap((item) =>
        isScalar(item.key) ? [[String(item.key.value), item.key.range?.[0]] as const] : [],
      ),
    );
    return issue.keys.map((key) => ({
      line: lineOf(keyOffsets.get(key)),
      message: inBothLanguages(path)
        ? describeLanguageKey(key, path)
        : describeUnknownKey(key, path),
    }));
  }
  let offset: number | undefined;
  for (let depth = path.length; depth > 0 && offset === undefined; depth--) {
    offset = nodeAt(document, path.slice(0, depth))?.range?.[0];
  }
  const field = `front matter field \`${quote(path.join('.'))}\``;
  // A key of a record (a glossary's Chinese term) is checked by its own schema, whose message says more.
  const reason =
    issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  const message =
    issue.code === 'invalid_type'
      ? `${field} must be ${describeType(issue.expected, path)}`
      : `${field} ${reason}`;
  return [{ line: lineOf(offset), message }];
}

function describeUnknownKey(key: string, path: string[]): string {
  const [where, known, owner] =
    path.length === 0
      ? ['front matter field', frontMatterFields, 'the fields are']
      : ['field', speakerInfoFields, `a speaker (${quote(path.join('.'))}) has`];
  const guess = closestMatch(key, known);
  const hint = guess ? `did you mean \`${guess}\`? ` : '';
  return `unknown ${where} \`${quote(key)}\`: ${hint}${owner} ${known.join(', ')}`;
}

/** Whether the value at `path` is a field an author may give in both languages (schema.ts). */
function inBothLanguages(path: readonly string[]): boolean {
  const [field, , detail] = path;
  if (path.length === 1) return ['title', 'description', 'event'].includes(field!);
  return path.length === 3 && field === 'speakers' && ['role', 'team'].includes(detail!);
}

/** A map giving a field in both languages, with a key that is no language. */
function describeLanguageKey(key: string, path: string[]): string {
  const field = quote(path.at(-1)!);
  return `front matter field \`${quote(path.join('.'))}\` has \`${quote(key)}\`, but a map there gives the text in each language, under \`zh\` (Chinese) and \`en\` (English) alone: write \`${field}: { zh: …, en: … }\`, or \`${field}: …\` for one text in both languages`;
}

function describeType(expected: string, path: string[]): string {
  if (path[0] === 'glossary' && path.length === 1) {
    return 'a list of Chinese terms, each followed by its English term, e.g. `可纠正性: corrigibility`, one per line below `glossary:`';
  }
  if (path[0] === 'glossary') {
    return `its English term, written as text after the colon: \`${quote(path[1] ?? '')}: …\``;
  }
  if (expected === 'string') return 'text, e.g. `' + quote(path.at(-1) ?? '') + ': …`';
  if (path[0] === 'speakers' && path.length === 1) {
    return 'a list of speaker labels, each with `role:` and `team:` indented below it';
  }
  if (path[0] === 'speakers') {
    return 'fields indented below the speaker label: `role:`, `team:`, and `zh:` or `en:` for their name in that language';
  }
  return expected;
}
