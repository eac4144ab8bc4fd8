import { describe, expect, it } from 'vitest';
import { countCheck, countPlaywright, countVitest, formatCounts, sumCounts } from './count-results';

describe('counting test results', () => {
  it('reads passed and failed tests from a vitest report', () => {
    expect(countVitest({ numPassedTests: 12, numFailedTests: 2 }, 1)).toEqual({
      passed: 12,
      failed: 2,
    });
  });

  it('counts a vitest file that failed to load as one failure', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
        { status: 'failed', assertionResults: [] },
      ],
    };
    expect(countVitest(report, 1)).toEqual({ passed: 3, failed: 1 });
  });

  it('counts flaky Playwright tests as passed and unexpected ones as failed', () => {
    const report = { stats: { expected: 5, flaky: 1, unexpected: 2, skipped: 3 } };
    expect(countPlaywright(report, 1)).toEqual({ passed: 6, failed: 2 });
  });

  it('never reports zero failures for a runner that exited with an error', () => {
    expect(countPlaywright({ stats: { expected: 4, unexpected: 0 } }, 1)).toEqual({
      passed: 4,
      failed: 1,
    });
    expect(countVitest(null, 1)).toEqual({ passed: 0, failed: 1 });
    expect(countPlaywright(null, 0)).toEqual({ passed: 0, failed: 1 });
  });

  it('counts a global Playwright error as a failure even when no test failed', () => {
    expect(countPlaywright({ stats: { expected: 0 }, errors: [{}] }, 0)).toEqual({
      passed: 0,
      failed: 1,
    });
  });

  it('counts the type check and lint as one check each', () => {
    expect(countCheck(0)).toEqual({ passed: 1, failed: 0 });
    expect(countCheck(2)).toEqual({ passed: 0, failed: 1 });
  });

  it('sums every runner into the one closing line', () => {
    const total = sumCounts([
      { passed: 1, failed: 0 },
      { passed: 10, failed: 1 },
      { passed: 7, failed: 0 },
    ]);
    expect(formatCounts(total)).toBe('18 passed, 1 failed');
  });
});
