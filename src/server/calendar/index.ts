import 'server-only';
export {
  getWorkingCalendar,
  listCalendarYears,
  saveCalendarYear,
  type TCalendarYear,
  type TSaveCalendarYearResult,
} from './working-calendar';
export { formatCalendarDays } from './parse-calendar-days';
export type { TCalendarDayError } from './parse-calendar-days';
