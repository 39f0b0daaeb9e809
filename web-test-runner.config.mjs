import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/lib/chromium.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

let executablePath;
try {
  executablePath = chromiumPath();
} catch (error) {
  console.error(error.message);
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
        args: ['--headless=new', ...chromiumArgs],
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
