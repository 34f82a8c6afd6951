/**
 * The word list page (src/pages/words.astro): the saved words, their CSV,
 * their removal. A removal, of one word or all, is said with an Undo that
 * puts the list back as it was, rather than asked about first: one tap
 * never loses a list, and no dialog stands between a reader and the tap.
 */
import { toCsv, type SavedWord } from '../../lib/dictionary/word-list.ts';
import { dictionaryStrings as say, fill } from '../../lib/strings.ts';
import type { Localized } from '../../lib/localized.ts';
import { sayNode, sayText } from '../say.ts';
import { savedWords, storeWords } from './saved.ts';

const list = document.querySelector<HTMLOListElement>('.words')!;
const actions = document.querySelector<HTMLElement>('.word-actions')!;
const empty = document.querySelector<HTMLElement>('.word-empty')!;
const status = document.querySelector<HTMLElement>('.word-status')!;

function text(tag: string, value: string, className: string, lang?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = value;
  element.className = className;
  if (lang) element.lang = lang;
  return element;
}

function store(words: readonly SavedWord[]): boolean {
  const stored = storeWords(words);
  if (!stored) status.replaceChildren(sayNode(say.full));
  draw();
  return stored;
}

/**
 * Keeps `words`, the list without what was removed from `before`, and says
 * so with an Undo, which takes the focus: the button pressed went with
 * what it removed.
 */
function removeWords(
  before: readonly SavedWord[],
  words: readonly SavedWord[],
  said: Localized,
): void {
  if (!store(words)) return;
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.append(sayNode(say.undo));
  undo.addEventListener('click', () => {
    status.replaceChildren();
    store(before);
  });
  status.replaceChildren(sayNode(said), ' ', undo);
  undo.focus();
}

function draw(): void {
  const words = savedWords();
  actions.hidden = words.length === 0;
  empty.hidden = words.length > 0;
  list.replaceChildren(
    ...words.map((word, index) => {
      const item = document.createElement('li');
      item.className = 'word-card';
      const head = document.createElement('p');
      head.className = 'word-head';
      const link = document.createElement('a');
      link.href = word.link;
      link.append(text('span', word.word, 'word-word', 'zh-Hans'));
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.append(sayNode(say.remove));
      remove.setAttribute('aria-label', `${sayText(say.remove)} ${word.word}`);
      remove.addEventListener('click', () => {
        const rest = words.filter((_, other) => other !== index);
        removeWords(words, rest, fill(say.removedWord, { word: word.word }));
      });
      const name = document.createElement('span');
      name.className = 'word-name';
      name.append(link, ' ', text('span', word.pinyin, 'word-pinyin', 'zh-Latn-pinyin'));
      head.append(name, ' ', remove);
      item.append(
        head,
        text('p', word.definition, 'word-definition', 'en'),
        text('p', word.sentence, 'word-sentence', 'zh-Hans'),
      );
      return item;
    }),
  );
}

document.querySelector('[data-export]')!.addEventListener('click', () => {
  const file = new Blob([toCsv(savedWords())], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = 'duet-words.csv';
  link.click();
  URL.revokeObjectURL(link.href);
});
document.querySelector('[data-remove-all]')!.addEventListener('click', () => {
  const words = savedWords();
  const [only] = words;
  const said =
    words.length === 1 && only
      ? fill(say.removedWord, { word: only.word })
      : fill(say.removedAll, { count: words.length });
  removeWords(words, [], said);
});
addEventListener('storage', draw);
draw();
