import type { Page } from '@playwright/test';
import { seed } from '../support/corpus.ts';

/** The seed transcript's reader page, built from the corpus's copy of it. */
export const READER = seed.href;
export const TURN_COUNT = seed.transcript.turns.length;

/**
 * Where a path of the site under test is, as its pages write it: under the
 * base path of the project's `baseURL` (`/` for the site, `/sub/duet/` as
 * published). `at(baseURL, '')` is the home page, `at(baseURL, READER)` the seed's reader.
 */
export const at = (baseURL: string | undefined, path: string) =>
  new URL(path.replace(/^\//, ''), baseURL).pathname;

export const languageControl = (page: Page) => page.getByRole('group', { name: /Language/ });

/**
 * A turn's Chinese or English text: the element that holds it, not any other
 * part of the turn (its header, the speaker's name, a button) that carries a
 * `lang` of its own, as the contract allows.
 */
export const TEXT = {
  zh: '.turn-text > [lang="zh-Hans"]',
  en: '.turn-text > [lang="en"]',
  any: '.turn-text > [lang]',
} as const;

export const turn = (page: Page, number: number) => page.locator(`#turn-${number}`);
export const chinese = (page: Page, number: number) => turn(page, number).locator(TEXT.zh);
export const english = (page: Page, number: number) => turn(page, number).locator(TEXT.en);
