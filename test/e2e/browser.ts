import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (CHROME_PATH to override); never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: apt-get install chromium, or set CHROME_PATH.`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const embedPath = 'packages/elements/dist/gongkai.js';

export function requireBuild(): void {
  if (!existsSync(repoRoot + embedPath)) throw new Error(`${embedPath} is missing: run \`pnpm build\` first.`);
}

/** The CSP a site needs for Gongkai, as given in the README (shared by the e2e tests). */
export const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types gongkai lit-html dompurify";
