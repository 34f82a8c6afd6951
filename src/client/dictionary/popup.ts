/**
 * Looking up a word: a click or tap on a Chinese word in a turn's text, or
 * `w` / `W` (the next / previous word of the focused turn), marks the word
 * and opens a popup below it (above it where the window has no room below,
 * so it never covers the word) with its pinyin, CC-CEDICT's definitions,
 * its Traditional form, the transcript's gloss of it, "Find in this
 * transcript", Save and, where the browser has a Chinese voice (`speechSynthesis`),
 * Listen to the word and to its turn's Chinese.
 * Loaded by the reader's actions (../reader-actions.ts) on the first.
 *
 * The words are cut as the build cut them (src/lib/dictionary/format.ts),
 * over the transcript's words file, fetched with the first lookup; the page
 * holds no markup per word. The word is marked with a CSS highlight, which
 * leaves the text's nodes, and so a selection, as they were.
 */
import css from '../../styles/dictionary.css?inline';
import { adoptStyle } from '../adopt-style.ts';
import {
  cut,
  DICTIONARY_FOLDER,
  shardOf,
  wordsFrom,
  WORDS_FILE,
  type CutWord,
  type Entry,
  type Shard,
  type Words,
  type WordsFile,
} from '../../lib/dictionary/format.ts';
import { sentenceAt, type SavedWord } from '../../lib/dictionary/word-list.ts';
import { dictionaryStrings as say } from '../../lib/strings.ts';
import type { Localized } from '../../lib/localized.ts';
import { sayNode, sayText } from '../say.ts';
import { glossaryTerms } from '../glossary-terms.ts';
import { paragraphsOf, textNodes, writtenText } from '../turn-text.ts';
import { isSaved, savedWords, storeWords } from './saved.ts';

adoptStyle(css);

const ZH_TEXT = '.turn-text > :lang(zh)';
const HIGHLIGHT = 'duet-word';

/** The reader's address, which the words file and the shards are found from. */
const reader = () =>
  new URL(document.querySelector<HTMLElement>('transcript-turns')!.dataset.reader!, location.href);

let wordsFile: Promise<{ file: WordsFile; words: Words }> | undefined;
const shards = new Map<number, Promise<Shard>>();

async function json<T>(url: URL): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
  return (await response.json()) as T;
}

/** The transcript's words, fetched once; a failed fetch is tried again on the next lookup. */
function transcriptWords(): Promise<{ file: WordsFile; words: Words }> {
  wordsFile ??= json<WordsFile>(new URL(WORDS_FILE, reader())).then(
    (file) => ({ file, words: wordsFrom(file.words.split(' ').filter(Boolean)) }),
    (error: unknown) => {
      wordsFile = undefined;
      throw error;
    },
  );
  return wordsFile;
}

/** CC-CEDICT's entries for a word, from its shard. */
async function entriesOf(word: string, file: WordsFile): Promise<Entry[]> {
  const index = shardOf(word, file.shards);
  let shard = shards.get(index);
  if (!shard) {
    shard = json<Shard>(new URL(`../${DICTIONARY_FOLDER}/${index}.json`, reader()));
    shards.set(index, shard);
    shard.catch(() => shards.delete(index));
  }
  return (await shard)[word] ?? [];
}

/**
 * The text a block shows (its paragraphs a line apart, pinyin over it left out: `shownText`) and
 * where each of its text nodes starts in it.
 */
function textOf(block: Element): { text: string; nodes: { node: Text; at: number }[] } {
  const nodes: { node: Text; at: number }[] = [];
  let text = '';
  for (const paragraph of paragraphsOf(block)) {
    if (nodes.length) text += '\n';
    for (const node of textNodes(paragraph)) {
      nodes.push({ node, at: text.length });
      text += node.data;
    }
  }
  return { text, nodes };
}

/** A place in a block's text as a node and an offset in it. */
function placeOf(nodes: { node: Text; at: number }[], at: number): [Text, number] {
  let found = nodes[0]!;
  for (const item of nodes) if (item.at <= at) found = item;
  return [found.node, at - found.at];
}

/**
 * What is looked up: a word of a block, the block's text as written, the word as the page shows
 * it (in Traditional characters with 繁體 on) and its range on the page.
 */
interface Looked {
  block: Element;
  text: string;
  word: CutWord;
  shown: string;
  range: Range;
}

async function wordAt(block: Element, at: number, step: 0 | 1 | -1): Promise<Looked | undefined> {
  const { words } = await transcriptWords();
  const { text: shown, nodes } = textOf(block);
  // The words are Simplified, as written: with 繁體 on, the text is cut as written, which the
  // Traditional text matches character for character (src/client/reading-aids/show.ts).
  const written = writtenText(block);
  const text = written.length === shown.length ? written : shown;
  const found = cut(text, words);
  let index = found.findIndex((word) => word.start <= at && at < word.end);
  if (step === 1) index = index < 0 ? found.findIndex((word) => word.start >= at) : index + 1;
  if (step === -1) index = index < 0 ? found.findLastIndex((word) => word.end <= at) : index - 1;
  const word = found[index];
  if (!word) return undefined;
  const range = document.createRange();
  range.setStart(...placeOf(nodes, word.start));
  range.setEnd(...placeOf(nodes, word.end));
  return { block, text, word, shown: shown.slice(word.start, word.end), range };
}

let popup: HTMLElement | undefined;
let current: Looked | undefined;

function close(refocus: boolean): void {
  CSS.highlights?.delete(HIGHLIGHT);
  popup?.remove();
  popup = undefined;
  const turn = current?.block.closest<HTMLElement>('.turn');
  if (refocus && turn) {
    if (!turn.hasAttribute('tabindex')) turn.tabIndex = -1;
    turn.focus({ preventScroll: true });
  }
}

function button(label: Localized | string, action: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.append(typeof label === 'string' ? label : sayNode(label));
  element.addEventListener('click', action);
  return element;
}

/** Places the popup under the word, or over it where the window has no room below; never on it. */
function place(element: HTMLElement, range: Range): void {
  const box = range.getBoundingClientRect();
  const height = element.offsetHeight;
  const width = element.offsetWidth;
  const below = box.bottom + 6 + height <= innerHeight || box.top - 6 - height < 0;
  const top = below ? box.bottom + 6 : box.top - 6 - height;
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  element.style.top = `${top + scrollY}px`;
  element.style.left = `${left + scrollX}px`;
}

function hasChineseVoice(): boolean {
  return (
    'speechSynthesis' in window && speechSynthesis.getVoices().some((v) => /^zh/i.test(v.lang))
  );
}

function speak(text: string): void {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'zh-CN';
  const voice = speechSynthesis.getVoices().find((v) => /^zh/i.test(v.lang));
  if (voice) utterance.voice = voice;
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
}

function element(tag: string, className: string, lang?: string): HTMLElement {
  const made = document.createElement(tag);
  made.className = className;
  if (lang) made.lang = lang;
  return made;
}

/** Fills the page's search with the word and runs it (src/client/search/). */
function findInTranscript(word: string): void {
  const input = document.querySelector<HTMLInputElement>('site-search input');
  if (!input) return;
  close(false);
  input.focus();
  input.value = word;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function linkOf(block: Element): string {
  const turn = block.closest('.turn')!;
  return new URL(`#${turn.id}`, reader()).href;
}

/** Opens an empty popup at `range`, named after `word`, with its line of status. */
function open(range: Range, word: string): { shown: HTMLElement; status: HTMLElement } {
  close(false);
  CSS.highlights?.set(HIGHLIGHT, new Highlight(range));
  const shown = element('div', 'lookup');
  shown.setAttribute('role', 'dialog');
  shown.tabIndex = -1;
  shown.setAttribute('aria-label', `${sayText(say.popup)}: ${word}`);
  const status = element('p', 'lookup-status');
  status.setAttribute('role', 'status');
  status.append(sayNode(say.loading));
  shown.append(status);
  document.body.append(shown);
  popup = shown;
  place(shown, range);
  shown.focus({ preventScroll: true });
  return { shown, status };
}

/** Says in the popup that a dictionary file did not load, with a button that tries `again`. */
function failed(status: HTMLElement, again: () => unknown): void {
  status.replaceChildren(
    sayNode(say.failed),
    ' ',
    button(say.retry, () => void again()),
  );
}

async function show(looked: Looked): Promise<void> {
  const { word } = looked.word;
  const { shown, status } = open(looked.range, word);
  current = looked;

  let entries: Entry[];
  let terms: Awaited<ReturnType<typeof glossaryTerms>>;
  try {
    const { file } = await transcriptWords();
    [entries, terms] = await Promise.all([entriesOf(word, file), glossaryTerms()]);
  } catch {
    if (popup !== shown) return;
    status.replaceChildren(
      sayNode(say.failed),
      ' ',
      button(say.retry, () => void show(looked)),
    );
    return;
  }
  if (popup !== shown) return;
  const term = terms.find((t) => t.zh === word);
  let pinyin = entries[0]?.[0] ?? term?.pinyin.join(' ') ?? '';
  if (!entries.length && !term) pinyin = await readingsOf(word);
  if (popup !== shown) return;

  // The word as the page shows it first, then as written where 繁體 shows it otherwise (unnamed:
  // a name would be a string in the strings' module, which every reader page loads first).
  const heading = element('p', 'lookup-word', looked.block.getAttribute('lang') ?? 'zh-Hans');
  heading.textContent = looked.shown;
  if (looked.shown !== word) {
    const written = element('span', 'lookup-simplified', 'zh-Hans');
    written.textContent = word;
    heading.append(' ', written);
  }
  const rows: Node[] = [heading];
  const readings = new Map<string, Entry[]>();
  for (const entry of entries) readings.set(entry[0], [...(readings.get(entry[0]) ?? []), entry]);
  if (!readings.size) {
    const line = element('p', 'lookup-pinyin', 'zh-Latn-pinyin');
    line.textContent = pinyin;
    rows.push(line);
    const note = element('p', 'lookup-note');
    note.append(sayNode(say.notInDictionary));
    rows.push(note);
  }
  for (const [reading, group] of readings) {
    const line = element('p', 'lookup-pinyin', 'zh-Latn-pinyin');
    line.textContent = reading;
    const traditional = group
      .map((entry) => entry[1])
      .find((form) => form !== word && form !== looked.shown);
    if (traditional) {
      const form = element('span', 'lookup-traditional', 'zh-Hant');
      form.textContent = traditional;
      form.title = sayText(say.traditional);
      line.append(' ', form);
    }
    const list = element('ol', 'lookup-definitions', 'en');
    for (const definition of new Set(group.flatMap((entry) => entry[2]))) {
      const item = document.createElement('li');
      item.textContent = definition;
      list.append(item);
    }
    rows.push(line, list);
  }
  if (term) {
    const gloss = element('p', 'lookup-gloss');
    const english = element('span', '', 'en');
    english.textContent = term.en;
    gloss.append(sayNode(say.glossed), ': ', english);
    rows.push(gloss);
  }
  const definition = entries.length
    ? [...new Set(entries.flatMap((entry) => entry[2]))].join('; ')
    : (term?.en ?? '');
  const saved: SavedWord = {
    word,
    pinyin,
    definition,
    sentence: sentenceAt(looked.text, looked.word.start),
    link: linkOf(looked.block),
  };
  const actions = element('p', 'lookup-actions');
  // Named "Save 收藏" in every mode, as the contract names it; pressed once the word is in the list.
  const save = button(`${say.save.en} ${say.save.zh}`, () => {
    const list = savedWords().filter((w) => !(w.word === word && w.link === saved.link));
    if (storeWords([...list, saved])) save.setAttribute('aria-pressed', 'true');
    else status.replaceChildren(sayNode(say.full));
  });
  save.setAttribute('aria-pressed', String(isSaved(word, saved.link)));
  actions.append(
    save,
    button(say.find, () => findInTranscript(word)),
  );
  if (hasChineseVoice()) {
    actions.append(
      button(say.listen, () => speak(word)),
      button(say.listenTurn, () => speak(looked.text)),
    );
  }
  actions.append(button(say.close, () => close(true)));
  const credit = element('p', 'lookup-credit');
  const link = document.createElement('a');
  link.href = 'https://cc-cedict.org/wiki/';
  link.append(sayNode(say.credit));
  credit.append(link, ' (CC BY-SA 4.0)');
  status.replaceChildren();
  shown.append(...rows, actions, credit);
  place(shown, looked.range);
}

/** The pinyin of a word CC-CEDICT lacks: each character's first reading, from the shards. */
async function readingsOf(word: string): Promise<string> {
  const { file } = await transcriptWords();
  const readings = await Promise.all(
    Array.from(word, async (character) => (await entriesOf(character, file))[0]?.[0] ?? character),
  );
  return readings.join(' ');
}

/** Where the caret would land at a point: `caretPositionFromPoint`, or Safari's older `caretRangeFromPoint`. */
function caretAt(x: number, y: number): [Node | undefined, number] {
  const caret = document.caretPositionFromPoint?.(x, y);
  if (caret) return [caret.offsetNode, caret.offset];
  const range = document.caretRangeFromPoint?.(x, y);
  return [range?.startContainer, range?.startOffset ?? 0];
}

/** A click or tap on a turn's Chinese text: the word under it. A selection made is left alone. */
export async function lookUpAt(event: MouseEvent): Promise<void> {
  if (!getSelection()?.isCollapsed) return;
  const target = event.target as Element;
  const block = target.closest(ZH_TEXT);
  if (!block || target.closest('a, button, rt')) return;
  const [node, at] = caretAt(event.clientX, event.clientY);
  let offset = at;
  if (!node || node.nodeType !== Node.TEXT_NODE || !block.contains(node)) return;
  const { nodes } = textOf(block);
  const item = nodes.find((candidate) => candidate.node === node);
  if (!item) return;
  // The caret lands before or after the character clicked: the one whose box holds the point.
  const range = document.createRange();
  const text = node as Text;
  if (offset > 0) {
    range.setStart(text, offset - 1);
    range.setEnd(text, offset);
    const box = range.getBoundingClientRect();
    if (
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom
    )
      offset--;
  }
  range.setStart(text, offset);
  range.setEnd(text, Math.min(offset + 1, text.length));
  await lookUp(block, item.at + offset, range);
}

/**
 * The word of `block` at `at`, shown; where the words file does not load, the popup says so at
 * the character clicked (`character`) and offers to try again.
 */
async function lookUp(block: Element, at: number, character: Range): Promise<void> {
  let looked: Looked | undefined;
  try {
    looked = await wordAt(block, at, 0);
  } catch {
    failed(open(character, character.toString()).status, () => lookUp(block, at, character));
    return;
  }
  if (looked) await show(looked);
}

/** `w` / `W`: the next / previous word of the focused turn, or of the word shown. */
export async function step(forward: boolean): Promise<void> {
  const from = current && popup ? current : undefined;
  const turn =
    from?.block.closest('.turn') ?? document.activeElement?.closest('.turn') ?? firstTurnInView();
  // The Chinese shown: in Both its block lays out no box of its own (`display: contents`).
  const blocks = [...(turn?.querySelectorAll(ZH_TEXT) ?? [])].filter(
    (block) => getComputedStyle(block).display !== 'none',
  );
  const block = from?.block ?? blocks[0];
  if (!block) return;
  // With no word shown, from before the first word or after the last.
  const at = from ? from.word.start : forward ? -1 : Infinity;
  const looked = await wordAt(block, at, forward ? 1 : -1);
  if (looked) await show(looked);
}

function firstTurnInView(): Element | undefined {
  return [...document.querySelectorAll('.turn')].find(
    (turn) => turn.getBoundingClientRect().bottom > 0,
  );
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && popup) {
    event.preventDefault();
    close(true);
  }
});
document.addEventListener('pointerdown', (event) => {
  if (popup && !popup.contains(event.target as Node)) close(false);
});
