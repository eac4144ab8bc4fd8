import 'server-only';
import { sql } from 'drizzle-orm';
import type { TDb } from '../db';
import type { TUtility } from '../db/schema';
import { rowsOf } from '../db/rows-of';
import type { TSimilarHomes } from './types';

/** Below this many comparable households a median says more about chance than about habits. */
export const MIN_SIMILAR_HOMES = 5;

export type TSimilarGroup = {
  utility: TUtility;
  districtId: number;
  householdSize: number;
  year: number;
};

/**
 * Annual usage of households like this one: same utility, household size and district, with a
 * reading in every month of the year (a half year would drag the median down). Null when fewer
 * than MIN_SIMILAR_HOMES such households exist. `cache` lets a bulk run ask once per group.
 */
export async function loadSimilarHomes(
  db: TDb,
  group: TSimilarGroup,
  cache?: Map<string, Promise<TSimilarHomes | null>>,
): Promise<TSimilarHomes | null> {
  const key = `${group.utility}:${group.districtId}:${group.householdSize}:${group.year}`;
  const cached = cache?.get(key);
  if (cached) return cached;
  const pending = query(db, group);
  cache?.set(key, pending);
  return pending;
}

async function query(db: TDb, group: TSimilarGroup): Promise<TSimilarHomes | null> {
  const from = `${group.year}-01-01`;
  const to = `${group.year + 1}-01-01`;
  const result = await db.execute(sql`
    with totals as (
      select mr.account_id, sum(mr.consumption) as total
        from meter_readings mr
        join service_accounts sa on sa.id = mr.account_id
        join premises p on p.id = sa.premises_id
       where sa.utility = ${group.utility}
         and p.district_id = ${group.districtId}
         and p.household_size = ${group.householdSize}
         and mr.period >= ${from}::date and mr.period < ${to}::date
       group by mr.account_id
      having count(distinct mr.period) = 12
    )
    select count(*)::int as households,
           round(percentile_cont(0.5) within group (order by total)::numeric, 1)::text as median,
           round(percentile_cont(0.2) within group (order by total)::numeric, 1)::text as efficient
      from totals`);
  const [row] = rowsOf<{ households: number; median: string | null; efficient: string | null }>(
    result,
  );
  if (!row || row.households < MIN_SIMILAR_HOMES || !row.median || !row.efficient) return null;
  return { households: Number(row.households), median: row.median, efficient: row.efficient };
}
