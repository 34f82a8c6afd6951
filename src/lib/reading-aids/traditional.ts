/**
 * Traditional characters, at build time, by opencc-js (OpenCC's own
 * dictionaries, phrases first: 头发 頭髮, 发展 發展), in Taiwan's standard
 * forms (s2tw), which keeps words and changes only characters. Its
 * dictionaries are hundreds of kilobytes: the page fetches what this writes
 * (./format.ts), and only when asked for Traditional characters.
 */
import * as OpenCC from 'opencc-js';
import type { Transcript } from '../transcript/schema.ts';
import {
  changesOf,
  isHan,
  readTable,
  replaceEach,
  usualValues,
  type TraditionalFile,
  type TraditionalTable,
} from './format.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const fromTraditional = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Whether two characters take the same room in a string and the same part in the aids. */
const alike = (a: string, b: string) => a.length === b.length && isHan(a) === isHan(b);

/**
 * A text converted, character for character: position N of the result is
 * position N of the text, and a Han character stays one, so the page can
 * put the result in its text nodes (./format.ts). OpenCC's s2tw keeps that
 * for every phrase of its dictionaries; were a phrase to change length, its
 * text would be converted one character at a time instead, and a character
 * whose conversion would take other room kept as written.
 */
export function convertAligned(text: string, convert: (text: string) => string): string {
  const converted = convert(text);
  if (isAligned(text, converted)) return converted;
  return Array.from(text, (character) => {
    const one = convert(character);
    return alike(character, one) ? one : character;
  }).join('');
}

/** Whether every character that a conversion changed kept its room and its part. */
function isAligned(text: string, converted: string): boolean {
  if (converted.length !== text.length) return false;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === converted[index]) continue;
    const from = String.fromCodePoint(text.codePointAt(index)!);
    if (!alike(from, String.fromCodePoint(converted.codePointAt(index)!))) return false;
    index += from.length - 1;
  }
  return true;
}

/** A text in Traditional characters, character for character (see `convertAligned`). */
export function traditionalOf(text: string): string {
  return convertAligned(text, toTraditional);
}

export function traditionalFileOf(transcript: Transcript): TraditionalFile {
  const turns = transcript.turns.map(({ zh }) => ({
    text: zh.text,
    converted: traditionalOf(zh.text),
  }));
  const usual = usualValues(
    turns.flatMap(({ text, converted }) => {
      const from = Array.from(text);
      const to = Array.from(converted);
      return from.map((character, index) => [character, to[index]!] as const);
    }),
  );
  let pairs = '';
  for (const [character, converted] of usual)
    if (converted !== character) pairs += character + converted;
  const changed = readTable(pairs);
  return {
    usual: pairs,
    turns: turns.map(({ text, converted }) => changesOf(replaceEach(text, changed), converted)),
  };
}

/** OpenCC's character dictionaries, `from to|from to|…`: every character it converts. */
function dictionaryCharacters(): Set<string> {
  const characters = new Set<string>();
  const groups = [...OpenCC.Locale.from.tw!, ...OpenCC.Locale.to.cn!, ...OpenCC.Locale.from.hk!];
  for (const group of groups) {
    for (const dictionary of group) {
      const entries = typeof dictionary === 'string' ? dictionary.split('|') : dictionary;
      for (const entry of entries) {
        const from = typeof entry === 'string' ? entry.split(' ')[0] : entry[0];
        if (from && Array.from(from).length === 1) characters.add(from);
      }
    }
  }
  return characters;
}

/**
 * The search's table (./format.ts): each Traditional character that
 * OpenCC (Taiwan, Hong Kong or its own standard forms) reads as a Han
 * character of the site's text and differs from it, with that character.
 * A character the site's text itself holds is left out, so a query's
 * Simplified characters are never changed: 乾 stays 乾 (乾坤) on a site that
 * writes it, and then 乾淨 does not find 干净.
 */
export function traditionalTable(siteCharacters: ReadonlySet<string>): TraditionalTable {
  let pairs = '';
  for (const traditional of [...dictionaryCharacters()].sort()) {
    if (siteCharacters.has(traditional)) continue;
    const simplified = fromTraditional(traditional);
    if (simplified !== traditional && siteCharacters.has(simplified)) {
      pairs += traditional + simplified;
    }
  }
  return { pairs };
}
