/**
 * Every string of the interface, in one place. The language options keep
 * their own names in their own script, as language pickers do, so each
 * reader finds theirs.
 */
export const strings = {
  siteName: 'Duet',
  skipToContent: 'Skip to content',
  siteTagline: 'Bilingual transcripts, read side by side',
  homeTitle: 'Transcripts',
  homeIntro:
    'Conversations in Chinese and English, each turn in both languages. Read them side by side or one language at a time, and link to any turn.',
  noTranscripts: 'No transcripts yet.',
  languageGroup: 'Language 语言',
  optionZh: '中文',
  optionEn: 'English',
  optionBoth: 'Both',
  copyLink: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Copy the address from the address bar',
  turnLabel: 'Turn',
  allTranscripts: 'All transcripts',
  otherTranscripts: 'Other transcripts',
  previousTranscript: 'Previous',
  nextTranscript: 'Next',
  source: 'Source',
  speakers: 'Speakers',
  undated: 'Undated',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. The transcript may have moved or been renamed.',
} as const satisfies Record<string, string>;
