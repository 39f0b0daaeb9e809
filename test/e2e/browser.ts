import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

/** Debian's Chromium (CHROME_PATH to override); never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
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
