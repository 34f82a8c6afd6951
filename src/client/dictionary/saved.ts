/** The saved words in the browser's storage (src/lib/dictionary/word-list.ts). */
import { SAVED_KEY, type SavedWord } from '../../lib/dictionary/word-list.ts';

export function savedWords(): SavedWord[] {
  try {
    const stored = JSON.parse(localStorage.getItem(SAVED_KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as SavedWord[]) : [];
  } catch {
    return [];
  }
}

/**
 * Stores the list; false where the browser refuses (its storage full, or
 * storage off), so the page can say so rather than lose the word silently.
 */
export function storeWords(words: readonly SavedWord[]): boolean {
  try {
    localStorage.setItem(SAVED_KEY, JSON.stringify(words));
    return true;
  } catch {
    return false;
  }
}

/** Whether a word from this turn is in the list. */
export function isSaved(word: string, link: string): boolean {
  return savedWords().some((saved) => saved.word === word && saved.link === link);
}
