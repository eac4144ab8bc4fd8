import 'server-only';
export { getWorkingCalendar } from './get-working-calendar';
export { listCalendarYears, type TCalendarYear } from './list-calendar-years';
export { saveCalendarYear, type TSaveCalendarYearResult } from './save-calendar-year';
export { formatCalendarDays } from './format-calendar-days';
export type { TCalendarDayError } from './parse-calendar-days';
