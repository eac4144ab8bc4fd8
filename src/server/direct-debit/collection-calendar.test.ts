import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  MAX_ATTEMPTS,
  onOrAfterWorkingDay,
  planCollection,
  retryOn,
  weekdaysOnly,
} from './collection-calendar';

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-25', 14, '2027-01-08'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
  ])('%s + %i days is %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  it('refuses something that is not a day', () => {
    expect(() => addDays('2026-13-45', 1)).toThrow();
    expect(() => addDays('tomorrow', 1)).toThrow();
  });
});

describe('onOrAfterWorkingDay', () => {
  it('keeps a weekday and moves a Saturday or Sunday to the Monday after', () => {
    expect(onOrAfterWorkingDay('2026-12-10', weekdaysOnly)).toBe('2026-12-10');
    expect(onOrAfterWorkingDay('2026-01-31', weekdaysOnly)).toBe('2026-02-02');
    expect(onOrAfterWorkingDay('2026-11-29', weekdaysOnly)).toBe('2026-11-30');
  });

  it('skips a public holiday block when the calendar has one', () => {
    const nationalDay = new Set([
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    const isWorkingDay = (day: string) => weekdaysOnly(day) && !nationalDay.has(day);
    expect(onOrAfterWorkingDay('2026-10-01', isWorkingDay)).toBe('2026-10-08');
  });
});

describe('planCollection', () => {
  it('collects on the due date when it is a working day far enough ahead', () => {
    expect(
      planCollection({ billDueOn: '2026-12-17', today: '2026-11-26', noticeDays: 14 }),
    ).toEqual({ collectOn: '2026-12-17', noticeBy: '2026-12-03' });
  });

  it('moves a bill due on a Sunday to the Monday, and the notice with it', () => {
    expect(
      planCollection({ billDueOn: '2026-12-20', today: '2026-11-26', noticeDays: 14 }),
    ).toEqual({ collectOn: '2026-12-21', noticeBy: '2026-12-07' });
  });

  it('never shortens the notice: an overdue bill is collected a full notice period from today', () => {
    expect(
      planCollection({ billDueOn: '2026-11-10', today: '2026-11-26', noticeDays: 14 }),
    ).toEqual({ collectOn: '2026-12-10', noticeBy: '2026-11-26' });
  });

  it('counts the notice across a month end', () => {
    expect(
      planCollection({ billDueOn: '2026-01-25', today: '2026-01-20', noticeDays: 14 }),
    ).toEqual({ collectOn: '2026-02-03', noticeBy: '2026-01-20' });
  });

  it('counts the notice across a year end', () => {
    expect(
      planCollection({ billDueOn: '2026-12-31', today: '2026-12-25', noticeDays: 14 }),
    ).toEqual({ collectOn: '2027-01-08', noticeBy: '2026-12-25' });
  });

  it('counts 29 days in a leap February and rolls a Sunday landing to Monday', () => {
    // 2028-02-20 + 14 days = Sunday 5 March; the notice then has 15 days.
    const plan = planCollection({ billDueOn: '2028-02-01', today: '2028-02-20', noticeDays: 14 });
    expect(plan).toEqual({ collectOn: '2028-03-06', noticeBy: '2028-02-21' });
    expect(daysBetween('2028-02-20', plan.collectOn)).toBe(15);
  });

  it('with the 2-day minimum, a Friday notice collects on the Monday', () => {
    expect(planCollection({ billDueOn: '2026-11-27', today: '2026-11-27', noticeDays: 2 })).toEqual(
      { collectOn: '2026-11-30', noticeBy: '2026-11-28' },
    );
  });

  it('refuses a notice period under 2 days', () => {
    expect(() =>
      planCollection({ billDueOn: '2026-12-01', today: '2026-11-26', noticeDays: 1 }),
    ).toThrow(/at least 2 days/);
  });

  it('always leaves at least the notice period between today and the collection', () => {
    for (let offset = -40; offset <= 40; offset++) {
      for (const noticeDays of [2, 5, 14]) {
        const today = '2026-11-26';
        const plan = planCollection({ billDueOn: addDays(today, offset), today, noticeDays });
        expect(daysBetween(today, plan.collectOn)).toBeGreaterThanOrEqual(noticeDays);
        expect(weekdaysOnly(plan.collectOn)).toBe(true);
        expect(daysBetween(plan.noticeBy, plan.collectOn)).toBe(noticeDays);
      }
    }
  });
});

describe('retryOn', () => {
  it('retries 3 days after the first failure, rolled to a working day', () => {
    expect(retryOn({ failedOn: '2026-12-10', attempt: 1 })).toBe('2026-12-14');
  });

  it('retries 7 days after the second failure, across a month end', () => {
    expect(retryOn({ failedOn: '2026-01-29', attempt: 2 })).toBe('2026-02-05');
  });

  it('stops after the third attempt', () => {
    expect(MAX_ATTEMPTS).toBe(3);
    expect(retryOn({ failedOn: '2026-12-17', attempt: 3 })).toBeNull();
  });
});
