/**
 * Every string of the interface, in one place, each in English and Chinese
 * (src/lib/localized.ts): the page shows the language of its mode.
 *
 * One vocabulary in Chinese: a transcript is 文稿, a speaker 发言人, and a
 * turn 发言, counted and numbered with 段 (46 段, 第 3 段, 第 3–5 段).
 */
import { same, type Localized } from './localized.ts';

export const strings = {
  skipToContent: { en: 'Skip to content', zh: '跳到正文' },
  homeTitle: { en: 'Transcripts', zh: '文稿' },
  noTranscripts: { en: 'No transcripts yet.', zh: '还没有文稿。' },
  /** The language control's name holds "Language" in every mode (CONTRACT.md, "The reader page"). */
  languageGroup: { en: 'Language', zh: '语言' },
  // The language options keep their own names in their own script, as language pickers do, so each
  // reader finds theirs, in every mode.
  optionZh: same('中文'),
  optionEn: same('English'),
  optionBoth: same('Both'),
  copyLink: { en: 'Copy link', zh: '复制链接' },
  copied: { en: 'Link copied', zh: '链接已复制' },
  copyFailed: { en: 'Copy the address from the address bar', zh: '请从地址栏复制链接' },
  allTranscripts: { en: 'All transcripts', zh: '全部文稿' },
  source: { en: 'Source', zh: '来源' },
  speakers: { en: 'Speakers', zh: '发言人' },
  undated: { en: 'Undated', zh: '日期不详' },
  oneTurn: { en: '1 turn', zh: '1 段' },
  manyTurns: { en: '{count} turns', zh: '{count} 段' },
  /** A turn by its number: a glossary's link to it, a search result. */
  turnNumber: { en: 'Turn {number}', zh: '第 {number} 段' },
  readingAids: { en: 'Reading aids', zh: '阅读辅助' },
  pinyin: { en: 'Pinyin', zh: '拼音' },
  traditional: same('繁體'),
  readingAidFailed: {
    en: 'Could not load it: check the connection.',
    zh: '无法加载，请检查网络。',
  },
  glossary: { en: 'Glossary', zh: '术语表' },
  glossaryIntro: {
    en: 'The terms the Chinese text explains in English, in the order it first does, each with the turns that do.',
    zh: '中文文本中附有英文注释的术语，按首次出现的顺序排列，并附注释所在的发言。',
  },
  siteGlossaryIntro: {
    en: 'Every term the transcripts explain in English, by pinyin, each with the transcripts that do.',
    zh: '各篇文稿中附有英文注释的所有术语，按拼音排序，并附所在文稿。',
  },
  termChinese: { en: 'Chinese', zh: '中文' },
  termEnglish: { en: 'English', zh: '英文' },
  termTurns: { en: 'Turns', zh: '发言' },
  termTranscripts: { en: 'Transcripts', zh: '文稿' },
  notInEnglish: { en: 'not in this turn’s English', zh: '本段英文未用此词' },
  notFoundTitle: { en: 'Page not found', zh: '找不到页面' },
  notFoundText: {
    en: 'There is no page at this address. The transcript may have moved or been renamed.',
    zh: '这个地址没有页面。文稿可能已移动或改名。',
  },
} as const satisfies Record<string, Localized>;

/** The search field's keys, as `aria-keyshortcuts` names them for screen readers. */
export const SEARCH_KEYS = '/ Control+K Meta+K';

/** The search's words. */
export const searchStrings = {
  /** The field's name holds "Search" in every mode (CONTRACT.md, "Search"). */
  label: { en: 'Search', zh: '搜索' },
  placeholder: { en: 'Search quotes', zh: '搜索原话' },
  filters: { en: 'Search filters', zh: '搜索筛选' },
  speaker: { en: 'Speaker', zh: '发言人' },
  anySpeaker: { en: 'Anyone', zh: '所有人' },
  language: { en: 'Found in', zh: '语言' },
  anyLanguage: { en: 'Either', zh: '不限' },
  results: { en: 'Results', zh: '结果' },
  searching: { en: 'Searching…', zh: '搜索中…' },
  unavailable: {
    en: 'Search could not load. Check the connection and try again.',
    zh: '搜索无法加载，请检查网络后重试。',
  },
  moreResults: {
    en: 'The best {count} turns; add a word to narrow them',
    zh: '最相关的 {count} 段，加字词可缩小范围',
  },
  devUnavailable: {
    en: 'Searching every transcript needs the index the build makes: run npm start.',
    zh: '搜索全部文稿需要构建生成的索引：请运行 npm start。',
  },
  noResults: { en: 'No turn matches “{query}”.', zh: '没有找到“{query}”。' },
  noResultsHint: {
    en: 'Try the other language, fewer words, or another filter.',
    zh: '试试另一种语言、减少字词或更换筛选。',
  },
  noResultsHintWiden: {
    en: 'Try the other language, fewer words, another filter, or All transcripts.',
    zh: '试试另一种语言、减少字词、更换筛选，或搜索全部文稿。',
  },
  // The badge is for the eye, and names the language as the language options do.
  foundInZh: same('中文'),
  foundInEn: same('EN'),
  foundInZhName: { en: 'found in Chinese', zh: '在中文中找到' },
  foundInEnName: { en: 'found in English', zh: '在英文中找到' },
} as const satisfies Record<string, Localized>;

/**
 * The reading aids' words: the keyboard's shortcuts, ranges of turns, one
 * speaker's turns.
 */
export const aidStrings = {
  turnOf: {
    en: 'Turn {number} of {count}, {speaker}',
    zh: '第 {number} 段，共 {count} 段，{speaker}',
  },
  shortcuts: { en: 'Keyboard shortcuts', zh: '键盘快捷键' },
  close: { en: 'Close', zh: '关闭' },
  or: { en: 'or', zh: '或' },
  nextTurn: { en: 'Next turn', zh: '下一段' },
  previousTurn: { en: 'Previous turn', zh: '上一段' },
  selectTurns: {
    en: 'On a turn’s number: select the turns from the last one chosen to this one',
    zh: '在发言的编号上：选中从上次所选的一段到这一段',
  },
  showShortcuts: { en: 'Show these shortcuts', zh: '显示这些快捷键' },
  closeOrClear: {
    en: 'Close this dialog, or clear the search’s highlights',
    zh: '关闭此窗口，或清除搜索的高亮',
  },
  click: { en: 'click', zh: '点击' },
  selectedTurns: { en: 'Selected turns', zh: '所选发言' },
  copyRange: { en: 'Copy link to turns {first}–{last}', zh: '复制第 {first}–{last} 段的链接' },
  copyOne: { en: 'Copy link to turn {first}', zh: '复制第 {first} 段的链接' },
  clearRange: { en: 'Clear', zh: '取消' },
  rangeSelected: { en: 'Turns {first} to {last} selected', zh: '已选中第 {first} 至 {last} 段' },
  oneSelected: { en: 'Turn {first} selected', zh: '已选中第 {first} 段' },
  onlySpeaker: {
    en: 'Showing only {speaker}’s turns ({shown} of {count})',
    zh: '只显示 {speaker} 的发言（{count} 段中的 {shown} 段）',
  },
  showAll: { en: 'Show all', zh: '显示全部' },
  noSuchSpeaker: {
    en: 'No one called “{speaker}” speaks in this transcript, so every turn is shown.',
    zh: '本文稿中没有名为“{speaker}”的发言人，因此显示全部发言。',
  },
} as const satisfies Record<string, Localized>;

/** A turn's share page (src/lib/share.ts): what its preview and its one link say. */
export const shareStrings = {
  title: { en: '{speaker} in “{title}”', zh: '{speaker}在《{title}》中的发言' },
  read: { en: 'Read turn {number}', zh: '阅读第 {number} 段' },
} as const satisfies Record<string, Localized>;

/** What fills a slot: the same in both languages, or a text of each (a name given in both). */
export type Slot = string | number | Localized;

/** Fills `{name}` slots in both languages of `template`, each with its own language's value. */
export function fill(template: Localized, values: Record<string, Slot>): Localized {
  const one = (text: string, language: keyof Localized) =>
    text.replace(/\{(\w+)\}/g, (slot, name: string) => {
      const value = values[name];
      if (value === undefined) return slot;
      return typeof value === 'object' ? value[language] : String(value);
    });
  return { en: one(template.en, 'en'), zh: one(template.zh, 'zh') };
}

/** "46 turns" / "46 段", or "1 turn": how many turns a transcript has, or a search found. */
export function countTurns(count: number): Localized {
  return count === 1 ? strings.oneTurn : fill(strings.manyTurns, { count });
}

/**
 * A reader page on a phone: the transcript's header folded under a summary
 * (src/pages/[slug].astro), and the text size (TextSize.astro).
 */
export const phoneStrings = {
  about: { en: 'About', zh: '简介' },
  textSize: { en: 'Text size', zh: '字号' },
} as const satisfies Record<string, Localized>;

/** "5 speakers 5 位发言人": how many speakers a transcript has. */
export function countSpeakers(count: number): Localized {
  return count === 1
    ? { en: '1 speaker', zh: '1 位发言人' }
    : { en: `${count} speakers`, zh: `${count} 位发言人` };
}

/** The pinyin column of the glossary pages (src/components/GlossaryPage.astro). */
export const glossaryPinyinStrings = {
  heading: { en: 'Pinyin', zh: '拼音' },
} as const satisfies Record<string, Localized>;

/**
 * A turn's buttons and the range bar (src/components/Turn.astro,
 * src/client/reading-aids/turn-range.ts), and what the live region says of
 * them, in both languages: the page shows and says the mode's.
 */
export const turnStrings = {
  /** Written by reader.css (`[data-copy]::before`) once for every turn; the tests hold it to this. */
  copyLink: { en: 'Copy link', zh: '复制链接' },
  copied: { en: 'Link copied', zh: '链接已复制' },
  copyFailed: { en: 'Copy the address from the address bar', zh: '请从地址栏复制地址' },
  oneTurn: { en: 'Turn {first}', zh: '第 {first} 段' },
  turns: { en: 'Turns {first}–{last}', zh: '第 {first}–{last} 段' },
  clear: { en: 'Clear', zh: '取消' },
  oneSelected: { en: 'Turn {first} selected', zh: '已选中第 {first} 段' },
  selected: { en: 'Turns {first} to {last} selected', zh: '已选中第 {first}–{last} 段' },
} as const satisfies Record<string, Localized>;

/** The site's glossary, a page per pinyin initial and its index (src/pages/glossary/). */
export const glossaryPagesStrings = {
  indexIntro: {
    en: 'Every term the transcripts explain in English, by the first letter of its pinyin: choose a letter to see its terms, their pinyin and the transcripts that explain them.',
    zh: '各篇文稿中附有英文注释的所有术语，按拼音首字母分页：选择一个字母，查看术语、拼音及所在文稿。',
  },
  initials: { en: 'Initials', zh: '首字母' },
  /** The terms whose pinyin begins with no letter (a digit, a Latin symbol). */
  other: { en: 'Other', zh: '其他' },
  /** A page of an initial whose terms fill several. */
  page: { en: 'page {number} of {count}', zh: '第 {number} 页，共 {count} 页' },
  /** The name of the links to the other pages of an initial whose terms fill several. */
  pagesOf: { en: 'Pages of {initial}', zh: '{initial} 的各页' },
  previous: { en: 'Previous page', zh: '上一页' },
  next: { en: 'Next page', zh: '下一页' },
  /** A term in more transcripts than a page holds: its row goes on from the page before. */
  continued: { en: 'Continued from the page before', zh: '接上页' },
} as const satisfies Record<string, Localized>;

/** "3 terms 3 个术语": how many terms an initial has. */
export function countTerms(count: number): Localized {
  return count === 1
    ? { en: '1 term', zh: '1 个术语' }
    : { en: `${count} terms`, zh: `${count} 个术语` };
}

/** A timed turn's start in the recording, where a search result or a share page names it. */
export const timeStrings = {
  at: { en: 'at {time}', zh: '始于 {time}' },
  /** A share page's link to its turn. */
  readAt: { en: 'Read turn {number}, at {time}', zh: '阅读第 {number} 段，始于 {time}' },
} as const satisfies Record<string, Localized>;

/**
 * The recording beside the text (src/components/Recording.astro,
 * src/client/player/), and the key that plays it (src/client/reading-aids/shortcuts.ts).
 */
export const playerStrings = {
  /** The player's landmark. */
  recording: { en: 'Recording', zh: '录音' },
  follow: { en: 'Follow', zh: '跟随' },
  /** Said before a turn's time, by recording.css (`.turn h2 + a[href]::before`): "Play 12:34". */
  play: { en: 'Play', zh: '播放' },
  failed: {
    en: 'The recording could not be loaded. Each turn’s time still links to it.',
    zh: '录音无法加载。每段发言的时间仍链接到录音。',
  },
  playPause: { en: 'Play or pause the recording', zh: '播放或暂停录音' },
} as const satisfies Record<string, Localized>;

/** Looking up a word (src/client/dictionary/) and the word list (src/pages/words.astro). */
export const dictionaryStrings = {
  /** The popup's name, before the word. */
  popup: { en: 'Dictionary', zh: '词典' },
  save: { en: 'Save', zh: '收藏' },
  find: { en: 'Find in this transcript', zh: '在本文中查找' },
  /** The word cursor's keys, in the shortcuts' dialog. */
  nextWord: { en: 'Look up the next word of the turn', zh: '查本段下一个词' },
  previousWord: { en: 'Look up the previous word of the turn', zh: '查本段上一个词' },
  listen: { en: 'Listen', zh: '朗读' },
  listenTurn: { en: 'Listen to the turn', zh: '朗读本段' },
  close: { en: 'Close', zh: '关闭' },
  traditional: { en: 'Traditional', zh: '繁体' },
  glossed: { en: 'In this transcript’s glossary', zh: '本文术语表' },
  notInDictionary: { en: 'Not in CC-CEDICT', zh: 'CC-CEDICT 未收此词' },
  loading: { en: 'Looking up…', zh: '查询中…' },
  failed: { en: 'The dictionary did not load.', zh: '词典未能加载。' },
  retry: { en: 'Try again', zh: '重试' },
  full: {
    en: 'Not saved: the browser’s storage for this site is full.',
    zh: '未能收藏：浏览器为本站保存的空间已满。',
  },
  credit: { en: 'Definitions from CC-CEDICT', zh: '释义来自 CC-CEDICT' },
  words: { en: 'Words', zh: '生词' },
  wordsIntro: {
    en: 'The words you saved while reading, kept in this browser.',
    zh: '阅读时收藏的生词，保存在本浏览器中。',
  },
  noWords: {
    en: 'No words saved yet: tap a Chinese word in a transcript, then Save.',
    zh: '尚无生词：在文稿中点按中文词语，再点“收藏”。',
  },
  exportCsv: { en: 'Export CSV for Anki', zh: '导出 CSV（Anki）' },
  remove: { en: 'Remove', zh: '删除' },
  removeAll: { en: 'Remove all', zh: '全部删除' },
  /** Said after a removal, beside Undo, which puts the words back. */
  removedWord: { en: 'Removed {word}.', zh: '已删除“{word}”。' },
  removedAll: { en: 'Removed all {count} words.', zh: '已删除全部 {count} 个词。' },
  undo: { en: 'Undo', zh: '撤销' },
  needsScript: {
    en: 'The word list is kept in the browser and needs JavaScript.',
    zh: '生词表保存在浏览器中，需要 JavaScript。',
  },
} as const satisfies Record<string, Localized>;
