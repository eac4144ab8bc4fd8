import { describe, expect, it } from 'vitest';
import {
  checkNoticeTiming,
  checkRevisionTiming,
  LEAD_TIME_HOURS,
  UTILITY_OF_KIND,
} from './notice-rules';
import type { TNoticeKind } from '../db/schema';

const NOW = new Date('2026-11-26T10:00:00+08:00');
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

function timing(
  kind: TNoticeKind,
  startHours: number,
  { endHours = startHours + 4, emergency = false, publishing = true } = {},
) {
  return checkNoticeTiming({
    kind,
    startsAt: hoursFromNow(startHours),
    endsAt: hoursFromNow(endHours),
    emergency,
    publishing,
    now: NOW,
  });
}

describe('the lead time a notice must be published with', () => {
  it.each([
    // kind, hours before start, allowed
    ['planned_outage', 7 * 24, true],
    ['planned_outage', 7 * 24 + 1, true],
    ['planned_outage', 7 * 24 - 1, false],
    ['planned_outage', 2, false],
    ['water_outage', 24, true],
    ['water_outage', 23.5, false],
    ['water_outage', 3, false],
    ['low_pressure', 24, true],
    ['low_pressure', 12, false],
    ['water_quality', 0.1, true],
    ['water_quality', -48, true],
    ['works', 1, true],
  ] as const)('%s published %s h before it starts: allowed = %s', (kind, hours, allowed) => {
    const problems = timing(kind, hours, { endHours: Math.max(hours, 0) + 8 });
    if (allowed) expect(problems).toEqual([]);
    else
      expect(problems).toEqual([
        { field: 'startsAt', code: 'leadTime', hours: LEAD_TIME_HOURS[kind] },
      ]);
  });

  it('asks 7 days for a power cut and 24 hours for a water cut', () => {
    expect(LEAD_TIME_HOURS.planned_outage).toBe(168);
    expect(LEAD_TIME_HOURS.water_outage).toBe(24);
    expect(LEAD_TIME_HOURS.water_quality).toBe(0);
  });

  it('lets an emergency through with less notice, even one that has already started', () => {
    expect(timing('planned_outage', 1, { emergency: true })).toEqual([]);
    expect(timing('water_outage', -1, { endHours: 3, emergency: true })).toEqual([]);
  });

  it('is not asked of a draft: only publishing checks the lead time', () => {
    expect(timing('planned_outage', 1, { publishing: false })).toEqual([]);
  });
});

describe('start and end', () => {
  it('refuses an end before the start, draft or not, emergency or not', () => {
    for (const publishing of [true, false]) {
      expect(timing('works', 10, { endHours: 5, publishing })).toEqual([
        { field: 'endsAt', code: 'endBeforeStart' },
      ]);
    }
    expect(timing('water_outage', 30, { endHours: 29, emergency: true })).toEqual([
      { field: 'endsAt', code: 'endBeforeStart' },
    ]);
  });

  it('refuses an end equal to the start', () => {
    expect(timing('works', 10, { endHours: 10, publishing: false })).toEqual([
      { field: 'endsAt', code: 'endBeforeStart' },
    ]);
  });

  it('refuses to publish a notice that has already ended', () => {
    expect(timing('water_quality', -48, { endHours: -1 })).toEqual([
      { field: 'endsAt', code: 'endsInPast' },
    ]);
    expect(timing('water_quality', -48, { endHours: -1, publishing: false })).toEqual([]);
  });

  it('reports both problems of a late power cut that also ends before it starts', () => {
    expect(timing('planned_outage', 5, { endHours: 2 })).toEqual([
      { field: 'endsAt', code: 'endBeforeStart' },
      { field: 'startsAt', code: 'leadTime', hours: 168 },
    ]);
  });
});

describe('the utility of each kind', () => {
  it('ties power cuts to electricity and water notices to water; works may be either', () => {
    expect(UTILITY_OF_KIND).toEqual({
      planned_outage: 'electricity',
      water_outage: 'water',
      low_pressure: 'water',
      water_quality: 'water',
      works: null,
    });
  });
});

describe('revising the times of a published notice', () => {
  const revise = (
    kind: 'planned_outage' | 'water_outage' | 'works',
    previousHours: number,
    startHours: number,
    endHours: number,
    emergency = false,
  ) =>
    checkRevisionTiming({
      kind,
      previousStartsAt: hoursFromNow(previousHours),
      startsAt: hoursFromNow(startHours),
      endsAt: hoursFromNow(endHours),
      emergency,
      now: NOW,
    });

  it('lets the start move later or the end move either way without any lead time', () => {
    expect(revise('planned_outage', 200, 230, 240)).toEqual([]);
    expect(revise('planned_outage', 2, 2, 3)).toEqual([]);
    expect(revise('water_outage', -1, -1, 1)).toEqual([]);
  });

  it('asks the lead time before a start moved earlier, counted from now', () => {
    expect(revise('planned_outage', 240, 170, 180)).toEqual([]);
    expect(revise('planned_outage', 240, 160, 180)).toEqual([
      { field: 'startsAt', code: 'leadTime', hours: 168 },
    ]);
    expect(revise('water_outage', 48, 20, 30)).toEqual([
      { field: 'startsAt', code: 'leadTime', hours: 24 },
    ]);
    expect(revise('works', 48, 1, 30)).toEqual([]);
  });

  it('lets an emergency move the start earlier', () => {
    expect(revise('planned_outage', 240, 2, 8, true)).toEqual([]);
  });

  it('refuses an end before the start, emergency or not', () => {
    expect(revise('works', 10, 10, 9)).toEqual([{ field: 'endsAt', code: 'endBeforeStart' }]);
    expect(revise('planned_outage', 240, 5, 4, true)).toEqual([
      { field: 'endsAt', code: 'endBeforeStart' },
    ]);
  });
});
