/**
 * Shows the reading aids over a reader page's Chinese text, from the files
 * the build wrote for its transcript (src/lib/reading-aids/format.ts), each
 * fetched the first time its aid is on. Both work on the text nodes the
 * page has (src/client/turn-text.ts), so they combine (pinyin over
 * Traditional characters: the readings belong to the characters, one each),
 * and survive the search's highlights.
 *
 * - Pinyin wraps each Han character that has a reading in
 *   `<ruby>字<rt>zì</rt></ruby>`, and puts a `<wbr>` between two words: a
 *   line breaks there and never between the characters of a word
 *   (reader-actions.css), whatever inline markup (a search's mark) crosses
 *   it. The `<rt>` is hidden from screen readers, which would read every
 *   character twice, and from selection, so copied text stays the
 *   Chinese. Hidden, the rubies and word breaks give way to the characters
 *   as they were.
 * - Traditional characters take the place of the Simplified ones in the
 *   same text nodes, and the block's `lang` becomes `zh-Hant`; hidden, the
 *   text as written comes back, and `zh-Hans`.
 *
 * A file that does not match the page (another build's) changes nothing
 * in a block it does not fit.
 */
import {
  isHan,
  PINYIN_FILE,
  PINYIN_TAG,
  readReadings,
  readTable,
  replaceEach,
  TRADITIONAL_FILE,
  TRADITIONAL_TAG,
  turnPinyin,
  type PinyinFile,
  type TraditionalFile,
  type TurnPinyin,
  withChanges,
} from '../../lib/reading-aids/format.ts';
import { languageTags } from '../../lib/transcript/language.ts';
import { turnNumber } from '../../lib/turn-id.ts';
import {
  keepWritten,
  paragraphsOf,
  replaceText,
  shownText,
  TEXT_SELECTOR,
  textNodes,
  writtenText,
} from '../turn-text.ts';
// The type alone: the toggles' code (./control.ts) is in the page itself, and shares no module with this.
import type { ReadingAid } from './state.ts';

/** Each turn's Chinese block with the turn's place in the files (turn N at N - 1). */
function chineseBlocks(): [number, HTMLElement][] {
  const blocks: [number, HTMLElement][] = [];
  for (const turn of document.querySelectorAll<HTMLElement>('article.turn[id]')) {
    const number = turnNumber(turn.id);
    const block = turn.querySelector<HTMLElement>(TEXT_SELECTOR.zh);
    if (number !== undefined && block) blocks.push([number - 1, block]);
  }
  return blocks;
}

const files = new Map<string, Promise<unknown>>();

function load<T>(url: string): Promise<T> {
  let file = files.get(url);
  if (!file) {
    file = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json();
    });
    // A file that failed is fetched again next time.
    file.catch(() => files.delete(url));
    files.set(url, file);
  }
  return file as Promise<T>;
}

function ruby(character: string, reading: string): HTMLElement {
  const ruby = document.createElement('ruby');
  const rt = document.createElement('rt');
  rt.lang = PINYIN_TAG;
  rt.setAttribute('aria-hidden', 'true');
  rt.textContent = reading;
  ruby.append(character, rt);
  return ruby;
}

function addPinyin(block: Element, { readings, startsWord }: TurnPinyin): void {
  if (block.querySelector('ruby')) return;
  let next = 0;
  for (const paragraph of paragraphsOf(block)) {
    let afterHan = false;
    for (const node of textNodes(paragraph)) {
      const pieces: (string | HTMLElement)[] = [];
      let plain = '';
      for (const character of node.data) {
        const at = isHan(character) ? next++ : undefined;
        const reading = at === undefined ? undefined : readings[at];
        // Only between two Han characters: elsewhere the usual rules keep a quotation mark by its word.
        const between = at !== undefined && afterHan && startsWord[at];
        afterHan = at !== undefined;
        if (!reading && !between) {
          plain += character;
          continue;
        }
        if (plain) pieces.push(plain);
        plain = '';
        if (between) pieces.push(document.createElement('wbr'));
        pieces.push(reading ? ruby(character, reading) : character);
      }
      if (pieces.length === 0) continue;
      if (plain) pieces.push(plain);
      node.replaceWith(...pieces);
    }
  }
}

function removePinyin(block: Element): void {
  // Every <wbr> of a block is the pinyin's: the text's own markup has none (src/lib/transcript/inline.ts).
  for (const wordBreak of block.querySelectorAll('wbr')) wordBreak.remove();
  for (const ruby of block.querySelectorAll('ruby')) {
    ruby.querySelector('rt')?.remove();
    ruby.replaceWith(...ruby.childNodes);
  }
  // One text node again where the rubies split one.
  for (const paragraph of paragraphsOf(block)) paragraph.normalize();
}

function addTraditional(
  block: HTMLElement,
  usual: ReadonlyMap<string, string>,
  changes: string,
): void {
  keepWritten(block);
  const text = withChanges(replaceEach(writtenText(block), usual), changes);
  if (text !== undefined && replaceText(block, text)) block.lang = TRADITIONAL_TAG;
}

function removeTraditional(block: HTMLElement): void {
  if (block.lang !== TRADITIONAL_TAG) return;
  replaceText(block, writtenText(block));
  block.lang = languageTags.zh;
}

const shown = new Set<ReadingAid>();

async function showAid(aid: ReadingAid, url: string): Promise<void> {
  if (aid === 'pinyin') {
    const file = await load<PinyinFile>(url);
    const usual = readReadings(file.readings);
    for (const [index, block] of chineseBlocks()) {
      // Read from the text as written: the characters the readings are for, Traditional or not.
      const pinyin = turnPinyin(file, usual, index, writtenText(block));
      if (pinyin) addPinyin(block, pinyin);
    }
  } else {
    const file = await load<TraditionalFile>(url);
    const usual = readTable(file.usual);
    for (const [index, block] of chineseBlocks()) {
      addTraditional(block, usual, file.turns[index] ?? '');
    }
  }
}

function hideAid(aid: ReadingAid): void {
  for (const [, block] of chineseBlocks()) {
    if (aid === 'pinyin') removePinyin(block);
    else removeTraditional(block);
  }
}

const fileOf: Record<ReadingAid, string> = { pinyin: PINYIN_FILE, traditional: TRADITIONAL_FILE };

async function sync(
  folder: string,
  version: string,
  on: ReadonlySet<ReadingAid>,
): Promise<ReadingAid[]> {
  const failed: ReadingAid[] = [];
  for (const aid of Object.keys(fileOf) as ReadingAid[]) {
    if (on.has(aid) === shown.has(aid)) continue;
    if (!on.has(aid)) {
      hideAid(aid);
      shown.delete(aid);
      continue;
    }
    try {
      await showAid(aid, `${folder}${fileOf[aid]}?v=${encodeURIComponent(version)}`);
      shown.add(aid);
    } catch {
      failed.push(aid);
    }
  }
  return failed;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Brings the page to the aids that are `on`: one change at a time, in the
 * order asked, so toggles pressed quickly end where the reader left them.
 * Resolves with the aids that could not be shown.
 */
export function showAids(
  folder: string,
  version: string,
  on: ReadonlySet<ReadingAid>,
): Promise<ReadingAid[]> {
  const done = queue.then(() => sync(folder, version, on));
  queue = done;
  return done;
}
