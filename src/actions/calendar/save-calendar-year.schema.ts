import { z } from 'zod';

export const ZSaveCalendarYearSchema = z.object({
  year: z.coerce
    .number('calendar.errors.year')
    .int('calendar.errors.year')
    .min(2020, 'calendar.errors.year')
    .max(2100, 'calendar.errors.year'),
  source: z.string().trim().min(1, 'calendar.errors.source').max(300, 'calendar.errors.source'),
  holidays: z.string().max(4000, 'calendar.errors.tooMany'),
  workdays: z.string().max(4000, 'calendar.errors.tooMany'),
});
