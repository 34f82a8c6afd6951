/**
 * Where a glossary's English terms occur in an English text: whole words
 * only, whatever their case and the spaces between them, and in the plural
 * (`utility functions` for `utility function`, `saes` for `SAE`). An
 * abbreviation of two letters is found only as written: `IT` is not `it`.
 * Longer terms win over shorter ones they hold (`interpretability audits`
 * over `interpretability`).
 */

interface Term {
  zh: string;
  en: string;
  abbr?: string | undefined;
}

export interface TermMatcher {
  pattern: RegExp;
  /** Each term's spelling, lower-cased, to its Chinese term. */
  chinese: Map<string, string>;
}

export interface FoundTerm {
  /** UTF-16 index in the text. */
  index: number;
  /** The text as written there. */
  text: string;
  /** The Chinese term it glosses. */
  zh: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function termMatcher(terms: readonly Term[]): TermMatcher {
  const chinese = new Map<string, string>();
  const spellings: string[] = [];
  for (const { zh, en, abbr } of terms) {
    const forms = [{ text: en, exact: false }];
    if (abbr) forms.push({ text: abbr, exact: abbr.length <= 2 });
    for (const { text, exact } of forms) {
      const key = exact ? text : spelling(text);
      if (chinese.has(key)) continue;
      chinese.set(key, zh);
      spellings.push(text);
    }
  }
  spellings.sort((a, b) => b.length - a.length);
  // An abbreviation found only as written is matched in any case here, and dropped by chineseOf().
  const alternatives = spellings.map((text) => text.trim().split(/\s+/).map(escape).join('\\s+'));
  const body = alternatives.length === 0 ? '(?!)' : `(?:${alternatives.join('|')})`;
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu'),
    chinese,
  };
}

/** Every occurrence of the matcher's terms in a text, in order. */
export function findTerms(text: string, matcher: TermMatcher): FoundTerm[] {
  const found: FoundTerm[] = [];
  for (const match of text.matchAll(matcher.pattern)) {
    const zh = chineseOf(match[0], matcher.chinese);
    if (zh) found.push({ index: match.index, text: match[0], zh });
  }
  return found;
}

/** The Chinese term of a match, as written or without its plural ending. */
function chineseOf(written: string, chinese: Map<string, string>): string | undefined {
  const forms = [written, spelling(written)];
  const singular = forms.flatMap((form) => [form.replace(/es$/, ''), form.replace(/s$/, '')]);
  return [...forms, ...singular].map((form) => chinese.get(form)).find((zh) => zh !== undefined);
}

function spelling(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
