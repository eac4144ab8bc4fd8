import 'server-only';
import type { TNoticeKind, TUtility } from '../db/schema';

const HOUR_MS = 60 * 60 * 1000;

/** The utility a kind concerns; `works` may concern either, so the notice says which. */
export const UTILITY_OF_KIND: Readonly<Record<TNoticeKind, TUtility | null>> = {
  planned_outage: 'electricity',
  water_outage: 'water',
  low_pressure: 'water',
  water_quality: 'water',
  works: null,
};

/**
 * Hours a notice must be published before it starts, unless it is marked an emergency.
 * Planned power cuts: 7 days (the power company's published commitment); water cuts and
 * low-pressure supply: 24 hours. Water-quality results and works notices inform, they do not
 * cut anyone off, so they need no lead time.
 */
export const LEAD_TIME_HOURS: Readonly<Record<TNoticeKind, number>> = {
  planned_outage: 7 * 24,
  water_outage: 24,
  low_pressure: 24,
  water_quality: 0,
  works: 0,
};

export type TNoticeTimingProblem =
  | { field: 'endsAt'; code: 'endBeforeStart' }
  | { field: 'endsAt'; code: 'endsInPast' }
  | { field: 'startsAt'; code: 'leadTime'; hours: number };

/**
 * The timing rules, checked when a notice is saved (`publishing: false`: only the order of
 * start and end) and again at the moment it is published (`publishing: true`: the end must
 * still be ahead, and the start at least the kind's lead time away unless it is an emergency).
 */
export function checkNoticeTiming(input: {
  kind: TNoticeKind;
  startsAt: Date;
  endsAt: Date;
  emergency: boolean;
  publishing: boolean;
  now: Date;
}): TNoticeTimingProblem[] {
  const problems: TNoticeTimingProblem[] = [];
  if (input.endsAt.getTime() <= input.startsAt.getTime()) {
    problems.push({ field: 'endsAt', code: 'endBeforeStart' });
  } else if (input.publishing && input.endsAt.getTime() <= input.now.getTime()) {
    problems.push({ field: 'endsAt', code: 'endsInPast' });
  }
  const hours = LEAD_TIME_HOURS[input.kind];
  if (
    input.publishing &&
    !input.emergency &&
    hours > 0 &&
    input.startsAt.getTime() - input.now.getTime() < hours * HOUR_MS
  ) {
    problems.push({ field: 'startsAt', code: 'leadTime', hours });
  }
  return problems;
}

/**
 * The timing rules for revising a published notice. The end must still come after the start.
 * Moving the start later or keeping it needs no notice; moving it earlier must leave the kind's
 * lead time before the new start (counted from the moment of revising), unless the revision
 * is marked an emergency — residents plan around the time they were first told.
 */
export function checkRevisionTiming(input: {
  kind: TNoticeKind;
  previousStartsAt: Date;
  startsAt: Date;
  endsAt: Date;
  emergency: boolean;
  now: Date;
}): TNoticeTimingProblem[] {
  const problems: TNoticeTimingProblem[] = [];
  if (input.endsAt.getTime() <= input.startsAt.getTime())
    problems.push({ field: 'endsAt', code: 'endBeforeStart' });
  const hours = LEAD_TIME_HOURS[input.kind];
  if (
    !input.emergency &&
    hours > 0 &&
    input.startsAt.getTime() < input.previousStartsAt.getTime() &&
    input.startsAt.getTime() - input.now.getTime() < hours * HOUR_MS
  ) {
    problems.push({ field: 'startsAt', code: 'leadTime', hours });
  }
  return problems;
}
