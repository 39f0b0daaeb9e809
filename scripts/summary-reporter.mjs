// web-test-runner reporter that writes {passed, failed, skipped} as JSON, for the one summary line.
// A test file that fails to load counts as one failure.
import { writeFileSync } from 'node:fs';

export function summaryReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) counts.skipped++;
          else if (t.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        if (!session.passed && session.errors?.length) counts.failed++;
      }
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}
