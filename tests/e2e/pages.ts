import type { Page } from '@playwright/test';

/** The seed transcript's reader page. */
export const READER = '/alignment-panel/';
export const TURN_COUNT = 46;

export const languageControl = (page: Page) => page.getByRole('group', { name: /Language/ });

export const turn = (page: Page, number: number) => page.locator(`#turn-${number}`);
export const chinese = (page: Page, number: number) =>
  turn(page, number).locator('[lang="zh-Hans"]');
export const english = (page: Page, number: number) => turn(page, number).locator('[lang="en"]');
