/**
 * Front matter as authors write it, YAML's surprises included: every
 * reading YAML would apply silently, and every way to break it, ends in a
 * message at its line, quickly, whatever its size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FRONT_MATTER_CHARACTERS,
  FRONT_MATTER_DEPTH,
  FRONT_MATTER_LINES,
  parseFrontMatter,
} from '../../src/lib/transcript/frontmatter.ts';

/** Front matter starts on line 2 of a file, after its `---`. */
function problems(text: string): string[] {
  const result = parseFrontMatter(text, 2);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.data)}`);
  return result.problems.map(
    ({ line, column, message }) => `${line}${column === undefined ? '' : `:${column}`}: ${message}`,
  );
}

function data(text: string) {
  const result = parseFrontMatter(text, 2);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.data;
}

describe('YAML an author does not mean', () => {
  it('reads `*Draft*` as a reference, and says to quote it', () => {
    expect(problems('title: *Draft*')).toEqual([
      '2:8: front matter: YAML reads a value that starts with `*` as a reference to another value (an alias), which front matter does not use: put the value in quotes, e.g. `"*Draft*"`',
    ]);
  });

  it('refuses anchors and aliases, however many, without resolving them', () => {
    const aliases = Array(150).fill('*a').join(', ');
    const started = performance.now();
    expect(problems(`title: &a hi\ndescription: [${aliases}]\nevent: {x: *a}`)).toEqual([
      '2:8: front matter: YAML reads a value that starts with `&` as a name for reusing it elsewhere (an anchor), which front matter does not use: put the value in quotes, e.g. `"&a hi"`',
      '3:15: front matter: YAML reads a value that starts with `*` as a reference to another value (an alias), which front matter does not use: put the value in quotes',
      '4:12: front matter: YAML reads a value that starts with `*` as a reference to another value (an alias), which front matter does not use: put the value in quotes',
    ]);
    // Nine anchors, each nine aliases of the one before: 9^9 values once resolved.
    const laughs = Array.from({ length: 9 }, (_, level) => {
      const name = String.fromCharCode(98 + level);
      const below = String.fromCharCode(97 + level);
      return `${name}: &${name} [${Array(9).fill(`*${below}`).join(', ')}]`;
    });
    expect(problems(['a: &a [x, x]', ...laughs].join('\n'))).toHaveLength(10);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a tag, which would drop its text silently', () => {
    expect(problems('title: !Important news')).toEqual([
      '2:8: front matter: YAML reads a value that starts with `!` as its type (a tag), which front matter does not use: put the value in quotes, e.g. `"!Important news"`',
    ]);
  });

  it('refuses a comment after an unquoted value, which would cut the value short', () => {
    expect(problems('title: Episode #3')).toEqual([
      '2:16: front matter: YAML reads ` #` as the start of a comment, so this value ends before `#3`: if that is part of the value, put the whole value in quotes, e.g. `"Episode #3"`; if it is a comment, move it to a line of its own',
    ]);
    expect(data('# About this panel\ntitle: "Episode #3" # quoted, so this is a comment')).toEqual({
      title: { en: 'Episode #3', zh: 'Episode #3' },
    });
  });

  it('explains quoting for `: ` in a value, text after a closing quote or bracket, and reserved characters', () => {
    expect(problems('title: Panel: on things')).toEqual([
      '2:8: front matter: YAML reads the `: ` in this value as the start of another field: put the value in quotes, e.g. `"Panel: on things"`',
    ]);
    expect(problems('title: "Ada" says')).toEqual([
      '2:8: front matter: the quotes around this value end at the `"` before `says`: to write a `"` inside the quotes, write it as `\\"`, or quote the value with the other kind of quote',
    ]);
    expect(problems("title: 'it's'")).toEqual([
      "2:8: front matter: the quotes around this value end at the `'` before `s'`: to write a `'` inside the quotes, write it twice (`''`), or quote the value with the other kind of quote",
    ]);
    expect(problems('title: [Draft] notes')).toEqual([
      '2:8: front matter: YAML reads this value as a list that ends at the `]`, and the text after it is not understood: put the whole value in quotes, e.g. `"[Draft] notes"`',
    ]);
    expect(problems('title: @handle')).toEqual([
      '2:8: front matter: YAML does not let a value start with `@`: put the value in quotes, e.g. `"@handle"`',
    ]);
  });

  it('names a field given twice and where it was first, in time linear in the fields', () => {
    expect(problems('title: A\nevent: B\ntitle: C')).toEqual([
      '4:1: front matter: `title` is given twice here, first on line 2: keep one of them',
    ]);
    const started = performance.now();
    const repeated = problems(Array(FRONT_MATTER_LINES).fill('title: x').join('\n'));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(repeated).toHaveLength(FRONT_MATTER_LINES - 1);
  });

  it('says which field is unknown on its own line, each of them', () => {
    expect(problems('titel: A\ncolour: red\nspeakers:\n  Ada:\n    rol: Host')).toEqual([
      '2: unknown front matter field `titel`: did you mean `title`? the fields are title, description, date, event, source, media, speakers, glossary',
      '3: unknown front matter field `colour`: the fields are title, description, date, event, source, media, speakers, glossary',
      '6: unknown field `rol`: did you mean `role`? a speaker (speakers.Ada) has role, team, zh, en',
    ]);
  });

  it('refuses a field named by a list, and a name YAML cannot read', () => {
    expect(problems('? [a, b]\n: c')).toEqual([
      '2:3: front matter: a field name must be plain text, not a list or a map: write the field as `name: value`',
    ]);
    expect(problems(`speakers:\n  ${'A'.repeat(1_100)}:\n    role: Host`)).toEqual([
      '3:3: front matter: YAML reads a field name, or a speaker label, of at most 1,024 characters, and this one is longer: shorten it',
    ]);
  });
});

describe('broken YAML', () => {
  it('points at the `{` or `[` that is never closed, inside its line', () => {
    expect(problems('speakers: {Ada: 1')).toEqual([
      '2:11: front matter: the `{` here starts a YAML map that is never closed with `}`: close it, or if the `{` is part of the text, put the whole value in quotes, e.g. `"{Ada: 1"`',
    ]);
    expect(problems('title: A\nspeakers: {Ada: {role: Host}, Bo: {role: x,\n')).toEqual([
      '3:35: front matter: the `{` here starts a YAML map that is never closed with `}`: close it, or if the `{` is part of the text, put the whole value in quotes',
    ]);
    expect(problems('title: [[a], [b')).toEqual([
      '2:14: front matter: the `[` here starts a YAML list that is never closed with `]`: close it, or if the `[` is part of the text, put the whole value in quotes',
    ]);
  });

  it('points at the line an unclosed quote opens on', () => {
    expect(problems('title: "Unclosed quote\ndescription: fine')).toEqual([
      '2:8: front matter is not valid YAML: Missing closing "quote; check the quoting and indentation of this line',
    ]);
  });

  it('never throws, and never points past the end of a line', () => {
    const pieces = ['title', 'speakers', ':', ' ', '\n', '  ', '{', '}', '[', ']', ',', '"', "'"];
    const more = ['*a', '&a', '!t', '#', '? ', '- ', '|', '>', '\t', '...', '%', '@', 'Ada', '中'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...more), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const result = parseFrontMatter(text, 2);
        const lines = text.split('\n');
        for (const { line, column } of result.ok ? [] : result.problems) {
          const length = [...(lines[line - 2] ?? '')].length;
          expect(line).toBeGreaterThanOrEqual(2);
          expect(line).toBeLessThanOrEqual(lines.length + 1);
          if (column !== undefined) expect(column).toBeLessThanOrEqual(Math.max(1, length));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('front matter of hostile size', () => {
  it('refuses front matter longer than any has reason to be, saying the `---` may be missing', () => {
    const fields = Array.from({ length: FRONT_MATTER_LINES + 1 }, (_, i) => `field${i}: x`);
    expect(problems(fields.join('\n'))).toEqual([
      '1: the front matter, from here to the `---` on line 1003, is 1,001 lines long, more than the 1,000 lines front matter may have: if the `---` that should end it is missing, add it after its last field',
    ]);
    expect(problems(`title: ${'x'.repeat(FRONT_MATTER_CHARACTERS)}`)).toEqual([
      '1: the front matter, from here to the `---` on line 3, is 100,007 characters long, more than the 100,000 characters front matter may have: if the `---` that should end it is missing, add it after its last field',
    ]);
  });

  it('refuses values nested deeper than front matter needs, before YAML runs out of stack', () => {
    const started = performance.now();
    for (const text of [
      // YAML itself gives up near 800 levels, with a message that depends on the machine.
      `title: ${'['.repeat(5_000)}`,
      `title: ${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      Array.from({ length: 30 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n'),
    ]) {
      expect(problems(text)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^\\d+:\\d+: front matter: the values here are nested more than ${FRONT_MATTER_DEPTH} deep, and front matter needs three at most`,
          ),
        ),
      ]);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('values', () => {
  it('keeps every character a reader sees, trimming only YAML’s blanks at the ends', () => {
    const both = (text: string) => ({ en: text, zh: text });
    expect(data('title: "\u3000Draft\u3000"\nevent: "  Summit  "')).toEqual({
      title: both('\u3000Draft\u3000'),
      event: both('Summit'),
    });
    expect(data('description: |\n  Two lines,\n  kept.\n')).toEqual({
      description: both('Two lines,\nkept.'),
    });
  });

  it('still refuses a value that is empty or only white space', () => {
    expect(problems('title: ""\nevent: "\u3000 "')).toEqual([
      '2: front matter field `title` must not be empty',
      '3: front matter field `event` holds only white space: write its text, or leave the field out',
    ]);
  });

  it('shows control characters in a field’s name instead of sending them to the terminal', () => {
    expect(problems('\u202etitle: x\nspeakers:\n  "Ada\u001b[2J":\n    rol: Host')).toEqual([
      '2: unknown front matter field `\\u{202E}title`: did you mean `title`? the fields are title, description, date, event, source, media, speakers, glossary',
      '5: unknown field `rol`: did you mean `role`? a speaker (speakers.Ada\\u{1B}[2J) has role, team, zh, en',
    ]);
  });
});
