/**
 * Which Chromium the end-to-end tests drive. The system's (Debian's
 * `chromium`, or one named by CHROMIUM_PATH) where there is one, because
 * Playwright cannot download its own on a closed network; Playwright's
 * own elsewhere.
 */
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function systemChromium(): string | undefined {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH names ${named}, which does not exist`);
    return named;
  }
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path));
}

/** Flags for running as root on a machine without a network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
