/**
 * A built site's `_headers` file as a host reads it: each rule a path
 * pattern (`*` matching anything, `/` included) and its headers; a file
 * gets the headers of every rule that matches its address.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeRegExp } from './regexp.ts';

export interface HeaderRule {
  pattern: RegExp;
  headers: [name: string, value: string][];
}

export function readHeaderRules(site: string): HeaderRule[] {
  return parseHeaderRules(readFileSync(path.join(site, '_headers'), 'utf8'));
}

export function parseHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().split('*').map(escapeRegExp).join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers: a header outside a rule: ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers served with `pathname`, each rule's in the file's order. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): [string, string][] {
  return rules.filter((rule) => rule.pattern.test(pathname)).flatMap((rule) => rule.headers);
}
