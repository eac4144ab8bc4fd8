import 'server-only';
import { isWorkingDay, type TWorkingCalendar } from '@/lib/dates';
import type { TIsWorkingDay } from './collection-calendar';

/**
 * The days banks collect on: weekdays, minus public holidays, plus make-up working days (调休),
 * from the working calendar staff keep (getWorkingCalendar).
 */
export function bankWorkingDays(calendar: TWorkingCalendar): TIsWorkingDay {
  return (day) => isWorkingDay(day, calendar);
}
