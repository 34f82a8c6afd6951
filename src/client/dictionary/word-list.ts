/** The word list page (src/pages/words.astro): the saved words, their CSV, their removal. */
import { toCsv, type SavedWord } from '../../lib/dictionary/word-list.ts';
import { dictionaryStrings as say } from '../../lib/strings.ts';
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

function store(words: readonly SavedWord[]): void {
  if (!storeWords(words)) status.replaceChildren(sayNode(say.full));
  draw();
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
      remove.addEventListener('click', () => store(words.filter((_, other) => other !== index)));
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
document.querySelector('[data-remove-all]')!.addEventListener('click', () => store([]));
addEventListener('storage', draw);
draw();
