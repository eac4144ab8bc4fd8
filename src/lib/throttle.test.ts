import { describe, expect, it } from 'vitest';
import { decideThrottle } from './throttle';

const now = new Date('2026-03-01T08:00:00Z');
const ago = (minutes: number, seconds = 0) =>
  new Date(now.getTime() - minutes * 60_000 - seconds * 1000);

describe('decideThrottle', () => {
  const cases: {
    name: string;
    failures: Date[];
    max: number;
    windowMinutes: number;
    expected: ReturnType<typeof decideThrottle>;
  }[] = [
    {
      name: 'allows with no failures',
      failures: [],
      max: 5,
      windowMinutes: 15,
      expected: { allowed: true },
    },
    {
      name: 'allows one failure short of the limit',
      failures: [ago(1), ago(2), ago(3), ago(4)],
      max: 5,
      windowMinutes: 15,
      expected: { allowed: true },
    },
    {
      name: 'refuses at the limit and waits for the oldest counted failure to leave the window',
      failures: [ago(1), ago(2), ago(3), ago(4), ago(5)],
      max: 5,
      windowMinutes: 15,
      expected: { allowed: false, retryAfterMinutes: 10 },
    },
    {
      name: 'rounds a partial minute up',
      failures: [ago(5, 30)],
      max: 1,
      windowMinutes: 15,
      expected: { allowed: false, retryAfterMinutes: 10 },
    },
    {
      name: 'says at least one minute when the slot frees within seconds',
      failures: [ago(14, 59)],
      max: 1,
      windowMinutes: 15,
      expected: { allowed: false, retryAfterMinutes: 1 },
    },
    {
      name: 'does not count a failure exactly one window old',
      failures: [ago(15)],
      max: 1,
      windowMinutes: 15,
      expected: { allowed: true },
    },
    {
      name: 'counts a failure one second inside the window',
      failures: [ago(14, 59), ago(14, 59)],
      max: 2,
      windowMinutes: 15,
      expected: { allowed: false, retryAfterMinutes: 1 },
    },
    {
      name: 'ignores failures older than the window',
      failures: [ago(16), ago(20), ago(30), ago(1)],
      max: 2,
      windowMinutes: 15,
      expected: { allowed: true },
    },
    {
      name: 'ignores failures dated in the future',
      failures: [new Date(now.getTime() + 60_000)],
      max: 1,
      windowMinutes: 15,
      expected: { allowed: true },
    },
    {
      name: 'with more failures than the limit, waits for the max-th most recent one',
      failures: [ago(14), ago(1), ago(2), ago(13)],
      max: 2,
      windowMinutes: 15,
      expected: { allowed: false, retryAfterMinutes: 13 },
    },
    {
      name: 'refuses a fresh failure for the whole window',
      failures: [now],
      max: 1,
      windowMinutes: 60,
      expected: { allowed: false, retryAfterMinutes: 60 },
    },
  ];

  it.each(cases)('$name', ({ failures, max, windowMinutes, expected }) => {
    expect(decideThrottle({ failures, now, max, windowMinutes })).toEqual(expected);
  });

  it('does not care in what order failures are given', () => {
    const failures = [ago(3), ago(9), ago(1)];
    const reversed = [...failures].reverse();
    expect(decideThrottle({ failures, now, max: 3, windowMinutes: 15 })).toEqual(
      decideThrottle({ failures: reversed, now, max: 3, windowMinutes: 15 }),
    );
  });
});
