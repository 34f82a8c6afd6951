/**
 * The size of the turns' text, a reader's choice for reading on a small
 * screen (TextSize.astro). Its state lives on `<html data-text-size>`,
 * which the mode script (./mode-script.ts) sets before the first paint from
 * what is remembered, so a remembered size moves nothing as the page
 * loads; reader.css scales the turns' text from it. Here a choice changes
 * it and remembers it.
 */
import { reflectPressed } from './pressed.ts';

/** From smallest to largest; reader.css gives each its scale. Larger, for reading on a phone. */
export const textSizes = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof textSizes)[number];

/**
 * Each size's scale, as reader.css sets it, in percent: the buttons' names
 * (TextSize.astro), the same in every language.
 */
export const textScales: Record<TextSize, number> = { normal: 100, large: 115, larger: 130 };

/** What a first visit, or a page with storage off, reads at. */
export const DEFAULT_TEXT_SIZE: TextSize = 'normal';
export const TEXT_SIZE_STORAGE_KEY = 'duet:text-size';

export function isTextSize(value: unknown): value is TextSize {
  return textSizes.includes(value as TextSize);
}

export function chooseTextSize(size: TextSize): void {
  document.documentElement.dataset.textSize = size;
  try {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, size);
  } catch {
    // Storage may be off (private mode): the choice then lasts this page.
  }
  reflectPressed();
}
