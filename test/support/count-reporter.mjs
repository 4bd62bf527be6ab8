import {writeFileSync} from 'node:fs';

/** Counts passed, failed and skipped tests across every browser session, for the closing summary line. */
export function countReporter(file) {
  return {
    onTestRunFinished({sessions}) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results: count it as one failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed += session.errors?.length ? 1 : 0;
      }
      if (file) writeFileSync(file, JSON.stringify({passed, failed, skipped}));
    },
  };
}
