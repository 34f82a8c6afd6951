import type { Localized } from './localized.ts';

/**
 * Every string of the interface, in one place. The language options keep
 * their own names in their own script, as language pickers do, so each
 * reader finds theirs.
 */
export const strings = {
  skipToContent: 'Skip to content',
  homeTitle: 'Transcripts',
  noTranscripts: 'No transcripts yet.',
  languageGroup: 'Language 语言',
  optionZh: '中文',
  optionEn: 'English',
  optionBoth: 'Both',
  allTranscripts: 'All transcripts',
  otherTranscripts: 'Other transcripts',
  previousTranscript: 'Previous',
  nextTranscript: 'Next',
  source: 'Source',
  speakers: 'Speakers',
  undated: 'Undated',
  oneTurn: '1 turn',
  manyTurns: '{count} turns',
  readingAids: 'Reading aids 阅读辅助',
  pinyin: 'Pinyin 拼音',
  traditional: '繁體',
  readingAidFailed: 'Could not load it: check the connection. 无法加载，请检查网络。',
  glossary: 'Glossary 术语表',
  glossaryIntro:
    'The terms the Chinese text explains in English, in the order it first does, each with the turns that do. 中文文本中附有英文注释的术语，按首次出现的顺序排列，并附注释所在的发言。',
  siteGlossaryIntro:
    'Every term the transcripts explain in English, by pinyin, each with the transcripts that do. 各篇文稿中附有英文注释的所有术语，按拼音排序，并附所在文稿。',
  termChinese: '中文',
  termEnglish: 'English',
  termTurns: 'Turns 发言',
  termTranscripts: 'Transcripts 文稿',
  termTurn: 'Turn {number}',
  notInEnglish: 'not in this turn’s English 本段英文未用此词',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. The transcript may have moved or been renamed.',
} as const satisfies Record<string, string>;

/**
 * The search's words, in both languages side by side: a reader may search
 * in either, whatever language the page is showing.
 */
export const searchStrings = {
  label: 'Search 搜索',
  placeholder: 'Search quotes 搜索原话',
  /** The field's keys, as `aria-keyshortcuts` names them for screen readers. */
  keyShortcuts: '/ Control+K Meta+K',
  filters: 'Search filters 搜索筛选',
  speaker: 'Speaker 发言人',
  anySpeaker: 'Anyone 所有人',
  language: 'Found in 语言',
  anyLanguage: 'Either 不限',
  results: 'Results 结果',
  searching: 'Searching… 搜索中…',
  unavailable:
    'Search could not load. Check the connection and try again. 搜索无法加载，请检查网络后重试。',
  oneResult: '1 turn 1 条发言',
  manyResults: '{count} turns {count} 条发言',
  moreResults:
    'The best {count} turns; add a word to narrow them 最相关的 {count} 条发言，加字词可缩小范围',
  devUnavailable:
    'Searching every transcript needs the index the build makes: run npm start. 搜索全部文稿需要构建生成的索引：请运行 npm start。',
  noResults: 'No turn matches “{query}”. 没有找到“{query}”。',
  noResultsHint:
    'Try the other language, fewer words, or another filter. 试试另一种语言、减少字词或更换筛选。',
  noResultsHintWiden:
    'Try the other language, fewer words, another filter, or All transcripts. 试试另一种语言、减少字词、更换筛选，或搜索全部文稿。',
  wide: 'All transcripts 全部文稿',
  turn: 'Turn {number}',
  foundInZh: '中文',
  foundInEn: 'EN',
  foundInZhName: 'found in Chinese',
  foundInEnName: 'found in English',
  glossaryTerms: 'Glossary 术语表',
} as const satisfies Record<string, string>;

/**
 * The reading aids' words: the keyboard's shortcuts, one speaker's turns
 * (ranges of turns have theirs in `turnStrings`). What is shown is in both
 * languages; what the live region says is in English, the page's language.
 */
export const aidStrings = {
  turnOf: 'Turn {number} of {count}, {speaker}',
  shortcuts: 'Keyboard shortcuts 键盘快捷键',
  close: 'Close 关闭',
  or: 'or 或',
  nextTurn: 'Next turn 下一条发言',
  previousTurn: 'Previous turn 上一条发言',
  selectTurns:
    'On a turn’s number: select the turns from the last one chosen to this one 在发言编号上：选中从上次所选到这一条的发言',
  searchField: 'Search 搜索',
  showShortcuts: 'Show these shortcuts 显示这些快捷键',
  closeOrClear: 'Close this dialog, or clear the search’s highlights 关闭此窗口，或清除搜索的高亮',
  click: 'click',
  onlySpeaker:
    'Showing only {speaker}’s turns ({shown} of {count}) 只显示 {speaker} 的发言（{shown}/{count}）',
  showAll: 'Show all 显示全部',
  noSuchSpeaker:
    'No one called “{speaker}” speaks in this transcript, so every turn is shown. 本文稿中没有名为“{speaker}”的发言人，因此显示全部发言。',
} as const satisfies Record<string, string>;

/** Fills `{name}` slots in a string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}

/** "46 turns", or "1 turn": how many turns a transcript has. */
export function countTurns(count: number): string {
  return count === 1 ? strings.oneTurn : fill(strings.manyTurns, { count });
}

/** A turn's share page (src/lib/share.ts): what its preview and its one link say. */
export const shareStrings = {
  title: '{speaker} in “{title}”',
  read: 'Read turn {number} 阅读第 {number} 段发言',
} as const satisfies Record<string, string>;

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

/** Fills `{name}` slots in both languages of a text. */
export function fillBoth(value: Localized, values: Record<string, string | number>): Localized {
  return { en: fill(value.en, values), zh: fill(value.zh, values) };
}
