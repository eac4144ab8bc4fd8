import 'server-only';
import { sql } from 'drizzle-orm';
import { shanghaiDay } from '@/lib/dates';
import { getDb } from '../db';
import { rowsOf } from '../db/rows-of';
import { COMPLAINT_DEPARTMENTS, type TComplaintDepartment, type TUtility } from '../db/schema';

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

export type TServicePointRatings = {
  id: number;
  code: string;
  utility: TUtility;
  /** The office's public name (configured data, not a person's). */
  label: { zh: string; en: string };
  district: { zh: string; en: string };
  months: TRatingMonth[];
};

export type TServiceRatings = {
  /** The month asked for (`YYYY-MM`), the last of `months`. */
  month: string;
  /** The trend window: `months` filing months ending with `month`, oldest first. */
  months: string[];
  /** Months a visitor may pick, newest first (the current month and the ones before it). */
  selectableMonths: string[];
  departments: TDepartmentRatings[];
  /** Every configured service point, cases or not, by district then utility. */
  servicePoints: TServicePointRatings[];
  /**
   * Cases tied to no service point (an illegal-use report naming no district): counted in the
   * department figures, shown as one line of their own.
   */
  unassigned: TRatingMonth[];
};

/** How far back a visitor may pick a month. */
export const RATINGS_SELECTABLE_MONTHS = 24;

const MONTH = /^(\d{4})-(\d{2})$/;

function addMonths(month: string, delta: number): string {
  const [, y, m] = MONTH.exec(month)!.map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7);
}

/** The first instant of a Shanghai month. */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);

function monthsEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

type TCounts = {
  month: string;
  cases: number;
  answered: number;
  on_time: number;
  ratings: number;
  rating_sum: number;
};

function ratingMonths(months: string[], rows: TCounts[]): TRatingMonth[] {
  return months.map((month): TRatingMonth => {
    const r = rows.find((x) => x.month === month);
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
  });
}

/**
 * 万众评 — the public monthly service ratings per department and per service point: how many
 * cases, the share answered within the commitment, and average satisfaction, for `month` and
 * the months before it (trend). Aggregates only: nothing here can identify a resident (no
 * references, names, addresses or texts leave this function).
 *
 * One pass over the window's cases grouped two ways at once (GROUPING SETS), plus the short
 * list of configured service points. Each month is its own range on `complaints_ratings_idx`
 * (which holds every column read: settled months are an index-only scan) joined to a VALUES
 * list of months, so the planner knows there are a dozen months and hashes the few hundred
 * groups; grouping on a computed month instead was estimated at a million groups and sorted
 * on disk (EXPLAIN ANALYZE, 1.2 M cases, 593 k in the window: 722 ms → 252 ms; ADR 015).
 */
export async function getServiceRatings(
  input: { month?: string | null; months?: number; now?: Date } = {},
): Promise<TServiceRatings> {
  const now = input.now ?? new Date();
  const current = shanghaiDay(now).slice(0, 7);
  const selectableMonths = monthsEnding(current, RATINGS_SELECTABLE_MONTHS).reverse();
  const month = input.month && selectableMonths.includes(input.month) ? input.month : current;
  const months = monthsEnding(month, input.months ?? 12);
  const db = await getDb();
  const [counts, points] = await Promise.all([
    db.execute(sql`
      select grouping(c.department) = 1 as by_point, c.department, c.service_point_id, m.month,
             count(*)::int as cases,
             count(c.first_closed_at)::int as answered,
             count(*) filter (where c.answered_on_time)::int as on_time,
             count(c.rating)::int as ratings,
             coalesce(sum(c.rating), 0)::int as rating_sum
        from (values ${sql.join(
          months.map(
            (m) =>
              sql`(${m}::text, ${monthStart(m).toISOString()}::timestamptz, ${monthStart(addMonths(m, 1)).toISOString()}::timestamptz)`,
          ),
          sql`, `,
        )}) as m (month, starts, ends)
        join complaints c on c.created_at >= m.starts and c.created_at < m.ends
       group by grouping sets ((c.department, m.month), (c.service_point_id, m.month))`),
    db.execute(sql`
      select sp.id, sp.code, sp.utility, sp.name_zh, sp.name_en,
             d.name_zh as district_zh, d.name_en as district_en
        from service_points sp
        join districts d on d.id = sp.district_id
       order by d.id, sp.utility desc, sp.id`),
  ]);
  const rows = rowsOf<
    TCounts & {
      by_point: boolean;
      department: TComplaintDepartment | null;
      service_point_id: number | null;
    }
  >(counts);
  const byDepartment = rows.filter((r) => !r.by_point);
  const byPoint = rows.filter((r) => r.by_point);
  return {
    month,
    months,
    selectableMonths,
    departments: COMPLAINT_DEPARTMENTS.map((department) => ({
      department,
      months: ratingMonths(
        months,
        byDepartment.filter((r) => r.department === department),
      ),
    })),
    servicePoints: rowsOf<{
      id: number;
      code: string;
      utility: TUtility;
      name_zh: string;
      name_en: string;
      district_zh: string;
      district_en: string;
    }>(points).map((p) => ({
      id: Number(p.id),
      code: p.code,
      utility: p.utility,
      label: { zh: p.name_zh, en: p.name_en },
      district: { zh: p.district_zh, en: p.district_en },
      months: ratingMonths(
        months,
        byPoint.filter(
          (r) => r.service_point_id !== null && Number(r.service_point_id) === Number(p.id),
        ),
      ),
    })),
    unassigned: ratingMonths(
      months,
      byPoint.filter((r) => r.service_point_id === null),
    ),
  };
}
