/**
 * Reads the YAML front matter and checks it against the schema, pointing
 * each problem at the line of the field it concerns.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import type { LocatedMessage } from './problem.ts';
import { quote } from './quote.ts';
import {
  frontMatterFields,
  frontMatterSchema,
  speakerInfoFields,
  type FrontMatter,
} from './schema.ts';
import { closestMatch } from './suggest.ts';

export type FrontMatterResult =
  | {
      ok: true;
      data: FrontMatter;
      /** Line of each speaker label under `speakers:`. */
      speakerLines: Record<string, number>;
    }
  | { ok: false; problems: LocatedMessage[] };

export function parseFrontMatter(text: string, firstLine: number): FrontMatterResult {
  const lineCounter = new LineCounter();
  // The core schema leaves 2024-05-31 a string instead of turning it into a Date.
  const document = parseDocument(text, { lineCounter, prettyErrors: true, schema: 'core' });
  const lineOf = (offset: number | undefined) =>
    firstLine - 1 + (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const start = scalarStartAt(document, error.pos[0]);
        return {
          line: lineOf(start),
          // The YAML line is the file's line, so its column is the file's column too.
          column: lineCounter.linePos(start).col,
          message: `front matter is not valid YAML: ${firstSentence(error.message)}; check the quoting and indentation of this line`,
        };
      }),
    };
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

  const result = frontMatterSchema.safeParse(document.toJS() ?? {});
  if (result.success) {
    const speakers = document.get('speakers', true);
    const speakerLines = Object.fromEntries(
      (isMap(speakers) ? speakers.items : []).flatMap((pair) =>
        isScalar(pair.key) ? [[String(pair.key.value), lineOf(pair.key.range?.[0])]] : [],
      ),
    );
    return { ok: true, data: result.data, speakerLines };
  }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      line: lineOf(offsetOf(document, issue)),
      message: describeIssue(issue),
    })),
  };
}

/**
 * Where the scalar holding an offset starts: an unclosed quote is noticed at
 * the end of the text, but the author has to fix the line the quote opens on.
 */
function scalarStartAt(document: Document, offset: number): number {
  let start = offset;
  visit(document, {
    Scalar(_, node) {
      const [from, , to] = node.range ?? [];
      if (from !== undefined && to !== undefined && from <= offset && offset <= to) start = from;
    },
  });
  return start;
}

function firstSentence(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

/** Where the field an issue concerns starts: its key for unknown keys, else its value. */
function offsetOf(document: Document, issue: z.core.$ZodIssue): number | undefined {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const parent = path.length === 0 ? document.contents : document.getIn(path, true);
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === issue.keys[0],
      );
      if (pair && isScalar(pair.key)) return pair.key.range?.[0];
    }
  }
  for (let depth = path.length; depth > 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true) as { range?: number[] } | undefined;
    if (node?.range) return node.range[0];
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  const field = `front matter field \`${path.join('.')}\``;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => describeUnknownKey(key, path)).join('; ');
  }
  if (issue.code === 'invalid_type') {
    return `${field} must be ${describeType(issue.expected, path)}`;
  }
  return `${field} ${issue.message}`;
}

function describeUnknownKey(key: string, path: string[]): string {
  const [where, known, owner] =
    path.length === 0
      ? ['front matter field', frontMatterFields, 'the fields are']
      : ['field', speakerInfoFields, `a speaker (${path.join('.')}) has`];
  const guess = closestMatch(key, known);
  const hint = guess ? `did you mean \`${guess}\`? ` : '';
  return `unknown ${where} \`${quote(key)}\`: ${hint}${owner} ${known.join(', ')}`;
}

function describeType(expected: string, path: string[]): string {
  if (expected === 'string') return 'text, e.g. `' + path.at(-1) + ': …`';
  if (path[0] === 'speakers' && path.length === 1) {
    return 'a list of speaker labels, each with `role:` and `team:` indented below it';
  }
  if (path[0] === 'speakers') return 'a `role:` and a `team:`, indented below the speaker label';
  return expected;
}
