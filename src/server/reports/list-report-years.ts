import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { findLinkedAccountId } from './find-linked-account-id';
import { rowsOf } from '../db/rows-of';
import type { TReportYear } from './types';

/**
 * The years an account has readings for, newest first, and whether a PDF is already stored.
 * Null when the account is not the actor's.
 */
export async function listReportYears(input: {
  actor: TActor;
  accountId: number;
}): Promise<TReportYear[] | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const accountId = await findLinkedAccountId(db, input.actor.userId, input.accountId);
  if (accountId === null) return null;
  const result = await db.execute(sql`
    select y.year, y.months, (ar.status = 'ready') as stored
      from (
        select extract(year from period)::int as year, count(distinct period)::int as months
          from meter_readings where account_id = ${accountId}
         group by 1
      ) y
      left join annual_reports ar on ar.account_id = ${accountId} and ar.year = y.year
     order by y.year desc`);
  return rowsOf<{ year: number; months: number; stored: boolean | null }>(result).map((r) => ({
    year: Number(r.year),
    monthsWithData: Number(r.months),
    stored: r.stored === true,
  }));
}
