import 'server-only';
import { sql } from 'drizzle-orm';
import type { TDb } from '../db';
import type { TUsageMonthStatus } from './types';

export type TMonthlyUsageRow = {
  period: string;
  usage: string;
  status: Exclude<TUsageMonthStatus, 'missing'>;
  readOn: string;
};

type TRow = { period: string; usage: string; status: TMonthlyUsageRow['status']; read_on: string };

/**
 * Usage per month of one account between two months (both included), oldest first. A meter
 * replacement gives two readings in one month: they are summed. A month with any estimated
 * reading counts as estimated (then customer-read, then actual). Ownership is in the SQL:
 * the readings are joined to this user's account link, so a foreign account yields no rows.
 */
export async function selectMonthlyUsage(
  db: TDb,
  input: { userId: string; accountId: number; from: string; to: string },
): Promise<TMonthlyUsageRow[]> {
  const result = await db.execute(sql`
    select r.period::text as period,
           sum(r.consumption)::text as usage,
           case when bool_or(r.kind = 'estimated') then 'estimated'
                when bool_or(r.kind = 'customer') then 'customer'
                else 'actual' end as status,
           max(r.read_on)::text as read_on
      from meter_readings r
      join account_links al on al.account_id = r.account_id and al.user_id = ${input.userId}
     where r.account_id = ${input.accountId}
       and r.period between ${input.from} and ${input.to}
     group by r.period
     order by r.period`);
  return (result as unknown as { rows: TRow[] }).rows.map((r) => ({
    period: r.period,
    usage: r.usage,
    status: r.status,
    readOn: r.read_on,
  }));
}

/** The first and last month with a reading, or null when there is none. */
export async function selectReadingSpan(
  db: TDb,
  input: { userId: string; accountId: number },
): Promise<{ first: string; last: string } | null> {
  const result = await db.execute(sql`
    select min(r.period)::text as first, max(r.period)::text as last
      from meter_readings r
      join account_links al on al.account_id = r.account_id and al.user_id = ${input.userId}
     where r.account_id = ${input.accountId}`);
  const [row] = (result as unknown as { rows: { first: string | null; last: string | null }[] })
    .rows;
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
