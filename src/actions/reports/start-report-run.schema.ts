import { z } from 'zod';

const thisYear = () =>
  Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    ),
  );

export const ZStartReportRunSchema = z.object({
  year: z.coerce
    .number({ error: 'reports.staff.errors.year' })
    .int('reports.staff.errors.year')
    .min(2000, 'reports.staff.errors.year')
    .refine((year) => year <= thisYear(), 'reports.staff.errors.year'),
});
export type TStartReportRunInput = z.infer<typeof ZStartReportRunSchema>;
