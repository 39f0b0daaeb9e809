import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from './scripts/summary-reporter.mjs';

// Debian's Chromium; never a downloaded browser.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `No Chromium at ${executablePath}. Install Debian's package (apt-get install chromium) or set CHROME_PATH to a Chromium binary.`,
  );
  process.exit(1);
}

export default {
  rootDir: '.',
  files: ['test/elements/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'production'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  // One page at a time: layout, focus and animation frames behave as in a foreground tab.
  concurrency: 1,
  reporters: [
    defaultReporter(),
    ...(process.env.GK_SUMMARY_FILE ? [summaryReporter(process.env.GK_SUMMARY_FILE)] : []),
  ],
  testFramework: { config: { timeout: 8000 } },
};
