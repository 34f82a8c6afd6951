/**
 * The reading aids a reader page offers over its Chinese text, and where
 * each is remembered. Shared by the inline script in Base.astro, which
 * marks `<html data-pinyin>` and `<html data-traditional>` before the first
 * paint (so the pinyin's room is kept from the start, and the toggles are
 * drawn pressed), and by the toggles (./control.ts).
 */
export const readingAids = ['pinyin', 'traditional'] as const;
export type ReadingAid = (typeof readingAids)[number];

/** An aid is remembered as `duet:<aid>`, present while it is on. */
export const AID_STORAGE_PREFIX = 'duet:';

export function isReadingAid(value: unknown): value is ReadingAid {
  return readingAids.includes(value as ReadingAid);
}

/** Whether an aid is on: what `<html>` says, as the inline script and the toggles leave it. */
export function isOn(aid: ReadingAid): boolean {
  return document.documentElement.dataset[aid] !== undefined;
}
