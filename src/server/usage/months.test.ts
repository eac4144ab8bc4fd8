import { describe, expect, it } from 'vitest';
import {
  addMonths,
  epochSecondsInShanghai,
  monthDistance,
  monthsBetween,
  parseMonth,
  todayInShanghai,
} from './months';

describe('month arithmetic', () => {
  it.each([
    ['2025-01-01', 1, '2025-02-01'],
    ['2025-12-01', 1, '2026-01-01'],
    ['2025-01-01', -1, '2024-12-01'],
    ['2025-03-01', -24, '2023-03-01'],
  ])('%s plus %i months is %s', (period, n, expected) => {
    expect(addMonths(period, n)).toBe(expected);
  });

  it('lists every month across a year end, both ends included', () => {
    expect(monthsBetween('2024-11-01', '2025-02-01')).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
    expect(monthsBetween('2025-02-01', '2025-01-01')).toEqual([]);
    expect(monthDistance('2024-11-01', '2025-02-01')).toBe(3);
  });

  it.each([
    ['2025-07', '2025-07-01'],
    ['2025-07-19', '2025-07-01'],
    ['2025-13', null],
    ['2025-00', null],
    ['July', null],
  ])('reads %s as the month %s', (input, expected) => {
    expect(parseMonth(input)).toBe(expected);
  });

  it('takes today and midnight in Shanghai, whatever the server time zone', () => {
    expect(todayInShanghai(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(epochSecondsInShanghai('2025-01-01')).toBe(Date.UTC(2024, 11, 31, 16) / 1000);
  });
});
