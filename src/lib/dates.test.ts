import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  minutesUntil,
  shanghaiDay,
  shanghaiInstant,
  type TWorkingCalendar,
} from './dates';
import { CHINA_WORKING_CALENDAR } from './working-calendar-cn';

const cal = CHINA_WORKING_CALENDAR;
const at = (iso: string) => new Date(iso);
/** The due instant written as Shanghai wall-clock time, for readable expectations. */
const wall = (d: Date) =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('Shanghai days', () => {
  it('puts 23:30 UTC on the next Shanghai day', () => {
    expect(shanghaiDay(at('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(shanghaiDay(at('2026-11-26T15:59:00Z'))).toBe('2026-11-26');
  });

  it('turns a Shanghai wall-clock time into the right instant', () => {
    expect(shanghaiInstant('2026-11-28', 17).toISOString()).toBe('2026-11-28T09:00:00.000Z');
  });
});

describe('working days', () => {
  it.each([
    ['2026-11-26', true, 'an ordinary Thursday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-10-05', false, 'a National Day Monday'],
    ['2026-10-10', true, 'the Saturday worked for National Day (调休)'],
    ['2026-02-14', true, 'the Saturday worked before the Spring Festival'],
    ['2026-02-23', false, 'the last Monday of the Spring Festival'],
    ['2026-01-04', true, 'the Sunday worked after New Year'],
  ])('%s is a working day: %s (%s)', (day, expected) => {
    expect(isWorkingDay(day, cal)).toBe(expected);
  });
});

describe('deadlines in working days', () => {
  it('skips the weekend: filed Thursday, 4 working days → Wednesday 17:00', () => {
    expect(wall(addWorkingDays(at('2026-11-26T02:00:00Z'), 4, cal))).toBe('2026-12-02 17:00');
  });

  it('does not count the filing day even when filed before opening hours', () => {
    expect(wall(addWorkingDays(shanghaiInstant('2026-11-23', 7), 1, cal))).toBe('2026-11-24 17:00');
  });

  it('a case filed on a Saturday starts counting on Monday', () => {
    expect(wall(addWorkingDays(shanghaiInstant('2026-11-28', 10), 1, cal))).toBe(
      '2026-11-30 17:00',
    );
  });

  it('jumps the National Day week and counts the make-up Saturday', () => {
    // Tue 29 Sep → Wed 30 Sep (1), holidays 1–7 Oct, Thu 8 (2), Fri 9 (3), Sat 10 worked (4).
    expect(wall(addWorkingDays(shanghaiInstant('2026-09-29', 10), 4, cal))).toBe(
      '2026-10-10 17:00',
    );
  });

  it('jumps the Spring Festival: 9 working days from the Friday before it', () => {
    // Fri 13 Feb → Sat 14 worked (1), 15–23 off, Tue 24 … Fri 27 (2–5), Sat 28 worked (6),
    // Mon 2 … Wed 4 Mar (7–9).
    expect(wall(addWorkingDays(shanghaiInstant('2026-02-13', 16), 9, cal))).toBe(
      '2026-03-04 17:00',
    );
  });

  it('a filing late in the evening (UTC still the day before) counts from the Shanghai day', () => {
    // 23:30 Shanghai on Friday 27 Nov is 15:30 UTC; next working day is Monday 30 Nov.
    expect(wall(addWorkingDays(at('2026-11-27T15:30:00Z'), 1, cal))).toBe('2026-11-30 17:00');
  });

  it('uses only weekends for a year with no published holidays', () => {
    const weekendsOnly: TWorkingCalendar = { holidays: new Set(), makeUpWorkdays: new Set() };
    expect(wall(addWorkingDays(shanghaiInstant('2026-10-01', 9), 2, weekendsOnly))).toBe(
      '2026-10-05 17:00',
    );
  });

  it('refuses zero or fractional working days', () => {
    expect(() => addWorkingDays(at('2026-11-26T02:00:00Z'), 0, cal)).toThrow();
    expect(() => addWorkingDays(at('2026-11-26T02:00:00Z'), 1.5, cal)).toThrow();
  });
});

describe('minutes until a deadline', () => {
  it('is negative once overdue', () => {
    expect(minutesUntil(at('2026-11-26T10:00:00Z'), at('2026-11-26T08:47:30Z'))).toBe(72);
    expect(minutesUntil(at('2026-11-26T10:00:00Z'), at('2026-11-26T10:05:00Z'))).toBe(-5);
  });
});
