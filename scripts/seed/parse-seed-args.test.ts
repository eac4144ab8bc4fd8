import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from './parse-seed-args';

const NOW = new Date('2026-05-10T02:00:00Z');

describe('seed command-line arguments', () => {
  it('defaults to 2,000 households × 24 months, seed 42, ending last month', () => {
    expect(parseSeedArgs([], NOW)).toEqual({
      args: { households: 2000, months: 24, seed: 42, end: '2026-04' },
      reset: false,
    });
  });

  it('reads every option', () => {
    const cli = parseSeedArgs(
      ['--households', '30', '--months', '3', '--seed', '7', '--end', '2025-06', '--reset'],
      NOW,
    );
    expect(cli).toEqual({
      args: { households: 30, months: 3, seed: 7, end: '2025-06' },
      reset: true,
    });
  });

  it('refuses nonsense with a message naming the option', () => {
    expect(() => parseSeedArgs(['--households', '0'], NOW)).toThrow(/--households/);
    expect(() => parseSeedArgs(['--end', '2025-13'], NOW)).toThrow(/--end/);
    expect(() => parseSeedArgs(['--colour', 'red'], NOW)).toThrow();
  });
});
