import { describe, expect, it } from 'vitest';
import { monthAfter, validityMonths } from './validity-months';

describe('grant validity in whole months', () => {
  it.each([
    ['2026-03', 12, '2026-03-01', '2027-02-28'],
    ['2027-12', 1, '2027-12-01', '2027-12-31'],
    ['2028-01', 2, '2028-01-01', '2028-02-29'],
  ])('from %s for %i months is %s to %s', (from, months, validFrom, validTo) => {
    expect(validityMonths(from, months)).toEqual({ validFrom, validTo });
  });

  it.each([
    ['2026-13', 12],
    ['2026-3', 12],
    ['2026-03', 0],
    ['2026-03', 61],
  ])('refuses %s for %i months', (from, months) => {
    expect(validityMonths(from, months)).toBeNull();
  });

  it('continues a renewal the month after the old grant ends', () => {
    expect(monthAfter('2027-02-28')).toBe('2027-03');
    expect(monthAfter('2026-12-31')).toBe('2027-01');
  });
});
