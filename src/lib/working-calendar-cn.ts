import type { TWorkingCalendar } from './dates';

/**
 * Mainland China public holidays and make-up working days (调休), as the State Council
 * publishes them each November for the next year: the schedule built into the code. Staff enter
 * later years (or correct one) at /staff/calendar; a year entered there replaces the one here
 * (src/server/calendar).
 *
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): 元旦 1/1–1/3 (1/4 上班);
 * 春节 2/15–2/23 (2/14、2/28 上班); 清明 4/4–4/6; 劳动节 5/1–5/5 (5/9 上班); 端午 6/19–6/21;
 * 中秋 9/25–9/27; 国庆 10/1–10/7 (9/20、10/10 上班).
 *
 * 2027: not yet published when this was written — only weekends count as days off until staff
 * enter the notice at /staff/calendar.
 */
const HOLIDAY_RANGES: readonly [from: string, to: string][] = [
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
];

const MAKE_UP_WORKDAYS: readonly string[] = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

/** Years whose official schedule is in this file, and where each comes from. */
export const BUILT_IN_CALENDAR_SOURCES: Readonly<Record<number, string>> = {
  2026: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
};

function expand(ranges: readonly [string, string][]): Set<string> {
  const days = new Set<string>();
  for (const [from, to] of ranges) {
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 864e5)
      days.add(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export const CHINA_WORKING_CALENDAR: TWorkingCalendar = {
  holidays: expand(HOLIDAY_RANGES),
  makeUpWorkdays: new Set(MAKE_UP_WORKDAYS),
};
