/**
 * Turns each runner's JSON report into passed/failed counts, so `npm test` can end with one
 * line summing every runner. A runner that failed without reporting a failing test (it crashed,
 * a file did not load, a global setup threw) still counts as one failure: a red run never
 * prints "0 failed".
 */
export type TCounts = { passed: number; failed: number };

export type TVitestReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  numFailedTestSuites?: number;
  testResults?: { status?: string; assertionResults?: { status?: string }[] }[];
};

export type TPlaywrightReport = {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: unknown[];
};

export function countVitest(report: TVitestReport | null, exitCode: number): TCounts {
  if (!report) return { passed: 0, failed: 1 };
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  // A test file that failed to load has no failing test of its own: count the file.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  failed += brokenFiles;
  return settle({ passed, failed }, exitCode);
}

export function countPlaywright(report: TPlaywrightReport | null, exitCode: number): TCounts {
  if (!report?.stats) return { passed: 0, failed: 1 };
  const passed = (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  let failed = report.stats.unexpected ?? 0;
  if (failed === 0 && (report.errors?.length ?? 0) > 0) failed = 1;
  return settle({ passed, failed }, exitCode);
}

/** A single pass/fail check such as the type check or lint. */
export function countCheck(exitCode: number): TCounts {
  return exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

export function sumCounts(all: TCounts[]): TCounts {
  return all.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), {
    passed: 0,
    failed: 0,
  });
}

export function formatCounts(counts: TCounts): string {
  return `${counts.passed} passed, ${counts.failed} failed`;
}

function settle(counts: TCounts, exitCode: number): TCounts {
  if (exitCode !== 0 && counts.failed === 0) return { ...counts, failed: 1 };
  return counts;
}
