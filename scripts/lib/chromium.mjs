// Debian's Chromium for every browser test and benchmark; never a downloaded browser.
import { existsSync } from 'node:fs';

/** CHROME_PATH, else Debian's package; a clear message when it is missing. */
export function chromiumPath() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install Debian's package (apt-get install chromium) or set CHROME_PATH to a Chromium binary.`,
    );
  }
  return path;
}

/** Headless as root, with nothing reaching for the network (this machine has none). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
