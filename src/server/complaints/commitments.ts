import 'server-only';
import { addMinutes, addWorkingDays, type TWorkingCalendar } from '@/lib/dates';
import type { TComplaintCategory, TComplaintDepartment } from '../db/schema';

/** A deadline either in clock minutes (24-hour services such as fault repair) or working days. */
export type TDeadlineRule =
  { kind: 'minutes'; urban: number; rural: number } | { kind: 'working_days'; days: number };

export type TCategoryCommitment = {
  subTypes: readonly string[];
  /** The department a new case of this category goes to. */
  department: TComplaintDepartment;
  /** Fault: repair crew on site. Others: first contact with the resident. Null: none promised. */
  firstResponse: TDeadlineRule | null;
  /** Fault: supply restored. Others: the answer. */
  answer: TDeadlineRule;
  /** Whether a service account must be chosen (the case is about the resident's own supply). */
  accountRequired: boolean;
};

/**
 * The published service commitments (服务承诺), per category. Fault repair follows the power
 * bureau's "报修响应到位、复电及时到位" plan: on site within 45 min in town / 90 min in rural
 * districts, supply back within 3 h / 4 h. Complaints: first contact within 24 h, an answer
 * within 4 working days. Illegal-use reports (违章举报): an answer within 9 working days. Billing
 * queries: contact within 24 h and an answer within 3 working days (a counter matter that
 * needs a meter re-read at most).
 */
export const COMMITMENTS: Record<TComplaintCategory, TCategoryCommitment> = {
  fault: {
    subTypes: ['no_water', 'no_power', 'low_pressure', 'leak', 'meter_fault'],
    department: 'repair',
    firstResponse: { kind: 'minutes', urban: 45, rural: 90 },
    answer: { kind: 'minutes', urban: 180, rural: 240 },
    accountRequired: true,
  },
  complaint: {
    subTypes: ['service', 'staff_conduct', 'water_quality', 'supply', 'other'],
    department: 'service_centre',
    firstResponse: { kind: 'minutes', urban: 24 * 60, rural: 24 * 60 },
    answer: { kind: 'working_days', days: 4 },
    accountRequired: false,
  },
  billing_query: {
    subTypes: ['amount', 'reading', 'payment', 'other'],
    department: 'business_hall',
    firstResponse: { kind: 'minutes', urban: 24 * 60, rural: 24 * 60 },
    answer: { kind: 'working_days', days: 3 },
    accountRequired: true,
  },
  illegal_use: {
    subTypes: ['water', 'electricity'],
    department: 'inspection',
    firstResponse: null,
    answer: { kind: 'working_days', days: 9 },
    accountRequired: false,
  },
};

export function deadlineFrom(
  rule: TDeadlineRule,
  from: Date,
  rural: boolean,
  calendar: TWorkingCalendar,
): Date {
  if (rule.kind === 'minutes') return addMinutes(from, rural ? rule.rural : rule.urban);
  return addWorkingDays(from, rule.days, calendar);
}

/** Both deadlines of a case filed (or reopened) at `from`. */
export function deadlinesFor(
  category: TComplaintCategory,
  from: Date,
  rural: boolean,
  calendar: TWorkingCalendar,
): { firstResponseDueAt: Date | null; answerDueAt: Date } {
  const c = COMMITMENTS[category];
  return {
    firstResponseDueAt: c.firstResponse
      ? deadlineFrom(c.firstResponse, from, rural, calendar)
      : null,
    answerDueAt: deadlineFrom(c.answer, from, rural, calendar),
  };
}

export function isSubTypeOf(category: TComplaintCategory, subType: string): boolean {
  return COMMITMENTS[category].subTypes.includes(subType);
}
