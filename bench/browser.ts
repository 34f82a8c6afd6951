/**
 * The Chromium the benchmark drives, and Lighthouse too: the one the
 * end-to-end tests use (tests/support/chromium.ts). The bench's Playwright
 * is the version of the tests' own, so its browser is the same build; the
 * bench never downloads one.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';
import { chromiumArgs, systemChromium } from '../tests/support/chromium.ts';

/** The path of the Chromium to run; an error saying how to get one when there is none. */
export function chromiumPath(): string {
  const found = systemChromium() ?? chromium.executablePath();
  if (!existsSync(found)) {
    throw new Error(
      'No Chromium: install the system one (`apt-get install chromium`), name one with CHROMIUM_PATH, or install Playwright’s with `npx playwright install chromium` in the project root.',
    );
  }
  return found;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...chromiumArgs, '--disable-gpu'] });
}
