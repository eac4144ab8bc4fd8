import 'server-only';
import { CHINA_WORKING_CALENDAR } from '@/lib/working-calendar-cn';
import { isWorkingDay } from '@/lib/dates';
import type { TIsWorkingDay } from './collection-calendar';

/** The days banks collect on: weekdays, minus public holidays, plus make-up working days (调休). */
export const isBankWorkingDay: TIsWorkingDay = (day) => isWorkingDay(day, CHINA_WORKING_CALENDAR);
