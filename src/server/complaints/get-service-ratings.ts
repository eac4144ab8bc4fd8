import 'server-only';
import { sql } from 'drizzle-orm';
import { shanghaiDay } from '@/lib/dates';
import { getDb } from '../db';
import { rowsOf } from '../billing/rows-of';
import { COMPLAINT_DEPARTMENTS, type TComplaintDepartment } from '../db/schema';

export type TRatingMonth = {
  /** `YYYY-MM` (Shanghai). */
  month: string;
  /** Cases filed in the month. */
  cases: number;
  /** Of those, answered (first closed) so far. */
  answered: number;
  /** Of those answered, within the committed deadline. */
  answeredOnTime: number;
  /** Share answered on time among answered, 0–1; null with nothing answered. */
  onTimeShare: number | null;
  ratings: number;
  /** Average 1–5 satisfaction; null without ratings. */
  averageRating: number | null;
};

export type TDepartmentRatings = {
  department: TComplaintDepartment;
  months: TRatingMonth[];
};

export type TServiceRatings = { months: string[]; departments: TDepartmentRatings[] };

function monthsBack(now: Date, count: number): string[] {
  const [y, m] = shanghaiDay(now).split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/**
 * 万众评 — the public monthly service ratings per department: how many cases, the share
 * answered within the commitment, and average satisfaction. Aggregates only: nothing here can
 * identify a resident (no references, names, addresses or texts leave this function).
 */
export async function getServiceRatings(
  input: { months?: number; now?: Date } = {},
): Promise<TServiceRatings> {
  const now = input.now ?? new Date();
  const months = monthsBack(now, input.months ?? 12);
  const from = new Date(`${months[0]}-01T00:00:00+08:00`);
  const db = await getDb();
  const rows = rowsOf<{
    department: TComplaintDepartment;
    month: string;
    cases: number;
    answered: number;
    on_time: number;
    ratings: number;
    rating_sum: number;
  }>(
    await db.execute(sql`
      select department,
             to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
             count(*)::int as cases,
             count(first_closed_at)::int as answered,
             count(*) filter (where answered_on_time)::int as on_time,
             count(rating)::int as ratings,
             coalesce(sum(rating), 0)::int as rating_sum
        from complaints
       where created_at >= ${from}
       group by 1, 2`),
  );
  const departments = COMPLAINT_DEPARTMENTS.map((department) => ({
    department,
    months: months.map((month): TRatingMonth => {
      const r = rows.find((x) => x.department === department && x.month === month);
      const answered = Number(r?.answered ?? 0);
      const onTime = Number(r?.on_time ?? 0);
      const ratings = Number(r?.ratings ?? 0);
      return {
        month,
        cases: Number(r?.cases ?? 0),
        answered,
        answeredOnTime: onTime,
        onTimeShare: answered > 0 ? onTime / answered : null,
        ratings,
        averageRating: ratings > 0 ? Number(r?.rating_sum ?? 0) / ratings : null,
      };
    }),
  }));
  return { months, departments };
}
