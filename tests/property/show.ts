/**
 * Generated text as a JavaScript expression that builds it: invisible and
 * look-alike characters escaped, long runs folded into `.repeat(n)`, so a
 * shrunk counterexample reads plainly and can be pasted into a test.
 */

// Controls, format characters (U+FEFF, zero-width, bidi), unassigned and
// private-use code points, every space but U+0020, and combining marks,
// which would otherwise sit invisibly on the character before them.
const ESCAPED = /[\p{C}\p{Z}\p{M}"\\]/u;
const NAMED: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '"': '\\"',
  '\\': '\\\\',
};

const LONGEST_UNIT = 8;
const SHORTEST_FOLD = 16;

export function show(text: string): string {
  const characters = [...text];
  const pieces: string[] = [];
  let literal = '';
  for (let index = 0; index < characters.length;) {
    const run = longestRun(characters, index);
    if (run) {
      if (literal) pieces.push(quoted(literal));
      literal = '';
      pieces.push(
        `${quoted(characters.slice(index, index + run.unit).join(''))}.repeat(${run.times})`,
      );
      index += run.unit * run.times;
    } else {
      literal += characters[index];
      index++;
    }
  }
  if (literal || pieces.length === 0) pieces.push(quoted(literal));
  return pieces.join(' + ');
}

function quoted(text: string): string {
  let body = '';
  for (const character of text) {
    if (!ESCAPED.test(character) || character === ' ') body += character;
    else body += NAMED[character] ?? `\\u{${character.codePointAt(0)!.toString(16).toUpperCase()}}`;
  }
  return `"${body}"`;
}

/** The unit of up to LONGEST_UNIT characters repeated longest from `start`, if worth folding. */
function longestRun(characters: readonly string[], start: number) {
  let best: { unit: number; times: number } | undefined;
  for (let unit = 1; unit <= LONGEST_UNIT; unit++) {
    let times = 1;
    while (repeats(characters, start, unit, times)) times++;
    const length = unit * times;
    if (times >= 4 && length >= SHORTEST_FOLD && length > (best ? best.unit * best.times : 0)) {
      best = { unit, times };
    }
  }
  return best;
}

/** Whether the unit at `start` occurs once more after `times` copies of it. */
function repeats(characters: readonly string[], start: number, unit: number, times: number) {
  const next = start + unit * times;
  if (next + unit > characters.length) return false;
  for (let offset = 0; offset < unit; offset++) {
    if (characters[next + offset] !== characters[start + offset]) return false;
  }
  return true;
}
