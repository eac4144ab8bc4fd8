import { describe, expect, it } from 'vitest';
import { formatCalendarDays } from './format-calendar-days';
import { parseCalendarDays } from './parse-calendar-days';

describe('parseCalendarDays', () => {
  it('reads single days and ranges with the separators a notice uses', () => {
    const result = parseCalendarDays(
      [
        '2027-01-01',
        '',
        '2027-02-06 ~ 2027-02-08',
        '2027-04-03至2027-04-05',
        '2027/05/01 .. 2027/05/02',
      ].join('\n'),
      2027,
    );
    expect(result).toEqual({
      ok: true,
      days: [
        '2027-01-01',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-04-03',
        '2027-04-04',
        '2027-04-05',
        '2027-05-01',
        '2027-05-02',
      ],
    });
  });

  it('names the line of each problem', () => {
    const result = parseCalendarDays(
      [
        '2027-02-30',
        '2026-12-31',
        '2027-03-05 ~ 2027-03-01',
        '2027-01-01 ~ 2027-01-31',
        'soon',
      ].join('\n'),
      2027,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { key: 'calendar.errors.badLine', line: 1 },
        { key: 'calendar.errors.otherYear', line: 2 },
        { key: 'calendar.errors.backwards', line: 3 },
        { key: 'calendar.errors.tooLong', line: 4 },
        { key: 'calendar.errors.badLine', line: 5 },
      ],
    });
  });

  it('accepts only Saturdays and Sundays as make-up working days', () => {
    // 2026-02-14 and 2026-02-28 were Saturdays; 2026-02-16 a Monday.
    expect(parseCalendarDays('2026-02-14\n2026-02-28', 2026, { weekendsOnly: true })).toEqual({
      ok: true,
      days: ['2026-02-14', '2026-02-28'],
    });
    expect(parseCalendarDays('2026-02-16', 2026, { weekendsOnly: true })).toEqual({
      ok: false,
      errors: [{ key: 'calendar.errors.notWeekend', line: 1 }],
    });
  });

  it('refuses an endless list', () => {
    const lines = Array.from({ length: 61 }, () => '2027-01-01').join('\n');
    expect(parseCalendarDays(lines, 2027)).toEqual({
      ok: false,
      errors: [{ key: 'calendar.errors.tooMany' }],
    });
  });
});

describe('formatCalendarDays', () => {
  it('joins consecutive days into ranges and reads back to the same days', () => {
    const days = ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-05-01'];
    const text = formatCalendarDays(days);
    expect(text).toBe('2027-01-01\n2027-02-06 ~ 2027-02-08\n2027-05-01');
    expect(parseCalendarDays(text, 2027)).toEqual({ ok: true, days });
  });
});
