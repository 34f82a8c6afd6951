/**
 * The glossary a translator already wrote into the Chinese text: every
 * `术语(term)` or `术语（term）`, and `ABBR(术语,term)`, read once from the
 * turns, with each English term checked against its turn's English block.
 *
 * The hard part is where a Chinese term starts, since Chinese writes no
 * spaces: in 我在思考可纠正性(corrigibility) the term is 可纠正性. The
 * text before the parenthesis is cut into words by ICU's dictionary
 * segmenter (`Intl.Segmenter`, which Node ships with full ICU), and the term
 * is the longest run of words before the parenthesis that starts after the
 * last grammatical word (a particle, a pronoun, a preposition, a light verb
 * or a verb of saying and thinking: `BOUNDARY`), and is at most
 * `MOST_CHARACTERS` long. A term in quotes (`"恶的平庸性"(…)`) is what the
 * quotes hold. Where that reads a term wrong (a term that holds a
 * grammatical word, as 基于人类反馈的强化学习 holds 的), the front matter's
 * `glossary:` map sets it.
 */
import { termPinyin } from '../reading-aids/pinyin.ts';
import { findTerms, termMatcher } from './gloss-terms.ts';
import type { LocatedMessage } from './problem.ts';
import { quote } from './quote.ts';
import type { GlossaryEntry, Turn } from './schema.ts';

/**
 * Words after which a term starts: closed classes that never end a term
 * (particles, pronouns, determiners, prepositions, conjunctions), and the
 * verbs a speaker puts before one (having, doing, using, saying, thinking).
 * A word of one character counts only once the term has two, since ICU
 * cuts a word it does not know into characters (对齐 into 对 and 齐).
 */
const BOUNDARY = new Set(
  (
    '的 了 着 过 地 得 之 所 吗 呢 吧 啊 嘛 ' +
    '我 你 他 她 它 我们 你们 他们 她们 它们 咱们 大家 自己 这 那 哪 这个 那个 这些 那些 这种 那种 ' +
    '某种 某个 某些 各种 每个 每种 一个 一些 一种 几个 两个 一 ' +
    '在 对 从 向 往 把 被 给 跟 和 与 及 或 或者 以及 而 而且 并 对于 关于 至于 通过 按照 根据 作为 为了 为 ' +
    '像 比如 例如 包括 还有 即 也就是 就是 叫 叫做 称为 称作 所谓 ' +
    '是 有 没有 做 在做 正在 进行 使用 用 采用 利用 想 想着 思考 讨论 研究 理解 定义 提到 提出 谈到 说 ' +
    '也 都 就 还 很 非常 也许 可能 已经 只 只是 其实 真的 我在 我想 我觉得 觉得 认为 知道 看到 了解'
  ).split(' '),
);

/** The longest term read from the text alone, in characters; the front matter may set a longer one. */
export const MOST_CHARACTERS = 8;

/** Quotation marks that may hold a term before its gloss, closing mark to opening mark. */
const QUOTES: Record<string, string> = {
  '"': '"',
  '”': '“',
  '’': '‘',
  '」': '「',
  '』': '『',
  '》': '《',
};

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+$/u;
/** A parenthesis and what it holds, on one line: `(…)` or `（…）`, either mark closing either. */
const PARENTHESIS = /[(（]([^()（）\n]{1,120})[)）]/gu;
/** An English term: Latin letters, digits and the marks inside names, with at least one letter. */
const ENGLISH = /^(?=.*\p{Script=Latin})[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N} '’.&/+-]*$/u;
/** `术语,term` inside the parenthesis of `ABBR(术语,term)`. */
const ABBREVIATED = /^(\p{Script=Han}[\p{Script=Han}·]*)\s*[,，、]\s*(.+)$/u;
/** The abbreviation right before `(` in `ABBR(术语,term)`. */
const ABBREVIATION = /(?<![\p{Script=Latin}\p{N}])([\p{Lu}][\p{Lu}\p{N}-]*s?)$/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** One gloss as the Chinese text writes it, before glosses of the same term are gathered. */
export interface Gloss {
  zh: string;
  en: string;
  abbr?: string;
}

/**
 * Every gloss in a Chinese text, in order. `terms` are the front matter's
 * (Chinese term to English term): one whose Chinese term ends the text
 * before a gloss of its English term sets where that term starts.
 */
export function readGlosses(text: string, terms: Readonly<Record<string, string>> = {}): Gloss[] {
  const glosses: Gloss[] = [];
  for (const match of text.matchAll(PARENTHESIS)) {
    const before = text.slice(0, match.index);
    const inside = match[1]!.trim();
    const abbreviated = ABBREVIATED.exec(inside);
    const abbreviation = ABBREVIATION.exec(before);
    if (abbreviated && abbreviation && ENGLISH.test(abbreviated[2]!.trim())) {
      glosses.push({ zh: abbreviated[1]!, en: abbreviated[2]!.trim(), abbr: abbreviation[1]! });
      continue;
    }
    if (!ENGLISH.test(inside)) continue;
    const zh = setTerm(before, inside, terms) ?? quotedTerm(before) ?? termBefore(before);
    if (zh) glosses.push({ zh, en: inside });
  }
  return glosses;
}

/** The longest front matter term that ends the text before a gloss of its own English term. */
function setTerm(
  before: string,
  en: string,
  terms: Readonly<Record<string, string>>,
): string | undefined {
  let found: string | undefined;
  for (const [zh, english] of Object.entries(terms)) {
    if (sameTerm(english, en) && before.endsWith(zh) && zh.length > (found?.length ?? 0))
      found = zh;
  }
  return found;
}

/** What the quotes right before a gloss hold, when it is a short run of Chinese. */
function quotedTerm(before: string): string | undefined {
  const opening = QUOTES[before.at(-1) ?? ''];
  if (!opening) return undefined;
  const start = before.lastIndexOf(opening, before.length - 2);
  const term = start === -1 ? '' : before.slice(start + 1, -1);
  const chinese = term.length > 0 && term.length <= 2 * MOST_CHARACTERS && HAN.test(term);
  return chinese && !/[\s"“”]/u.test(term) ? term : undefined;
}

/** The term that ends a run of Chinese: its words after the last grammatical word (see the top). */
export function termBefore(before: string): string | undefined {
  const run = HAN_RUN.exec(before)?.[0];
  if (!run) return undefined;
  const words = [...segmenter.segment(run)].map(({ segment }) => segment);
  let term = '';
  for (const word of words.reverse()) {
    if (term.length >= 2 && (BOUNDARY.has(word) || term.length + word.length > MOST_CHARACTERS)) {
      break;
    }
    term = word + term;
  }
  return term;
}

/** Two spellings of one English term: the same words, whatever their case and spacing. */
export function sameTerm(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

function normalize(term: string): string {
  return term.toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface GlossaryResult {
  glossary: GlossaryEntry[];
  /** Front matter terms that no turn uses, at their lines. */
  warnings: LocatedMessage[];
}

/**
 * The transcript's glossary: each term once, in the order the text first
 * glosses it, with every turn that glosses it; then the front matter's
 * terms that the text does not gloss, with every turn whose Chinese holds
 * the Chinese term and whose English holds the English one.
 */
export function readGlossary(
  turns: readonly Turn[],
  terms: Readonly<Record<string, string>> = {},
  termLines: Readonly<Record<string, number>> = {},
): GlossaryResult {
  const entries = new Map<string, GlossaryEntry>();
  const keyOf = (zh: string, en: string) => `${zh}\n${normalize(en)}`;
  for (const turn of turns) {
    for (const gloss of readGlosses(turn.zh.text, terms)) {
      const key = keyOf(gloss.zh, gloss.en);
      const entry = entries.get(key) ?? { ...gloss, pinyin: termPinyin(gloss.zh), turns: [] };
      entries.set(key, entry);
      if (entry.turns.some(({ number }) => number === turn.number)) continue;
      const inEnglish = findTerms(turn.en.text, termMatcher([gloss])).length > 0;
      entry.turns.push({ number: turn.number, inEnglish });
    }
  }
  const warnings: LocatedMessage[] = [];
  for (const [zh, en] of Object.entries(terms)) {
    if (entries.has(keyOf(zh, en))) continue;
    const matcher = termMatcher([{ zh, en }]);
    const used = turns
      .filter((turn) => turn.zh.text.includes(zh) && findTerms(turn.en.text, matcher).length > 0)
      .map(({ number }) => ({ number, inEnglish: true }));
    entries.set(keyOf(zh, en), { zh, pinyin: termPinyin(zh), en, turns: used });
    if (used.length === 0) {
      warnings.push({
        line: termLines[zh] ?? 1,
        message: `the glossary term \`${quote(zh)}\` (\`${quote(en)}\`) is in no turn whose Chinese holds \`${quote(zh)}\` and whose English holds \`${quote(en)}\`: check the spelling of both, or remove the term`,
      });
    }
  }
  return { glossary: [...entries.values()], warnings };
}
