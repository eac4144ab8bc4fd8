import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import type { TUtility } from '../db/schema';

/**
 * Recomputes the similar-household figures (median and 20th percentile of monthly usage per
 * utility, district and household size) for the months from `from` to `to`, for every group or
 * only one. One INSERT … SELECT with ON CONFLICT DO UPDATE, so a rerun replaces the figures and
 * two runs at once never double anything. Negative usage (a reading set aside for staff) does
 * not count. Returns the number of group-months written.
 */
export async function refreshPeerUsage(input: {
  from: string;
  to: string;
  group?: { utility: TUtility; districtId: number; householdSize: number };
}): Promise<number> {
  const db = await getDb();
  const group = input.group;
  // One group: walk its accounts and read each one's months by index (lateral). Every group:
  // one pass over the months' readings, aggregated per account, then joined.
  const perAccountUsage = group
    ? sql`from service_accounts sa
          join premises p on p.id = sa.premises_id
          join lateral (
            select mr.period, sum(mr.consumption) as usage
              from meter_readings mr
             where mr.account_id = sa.id and mr.period between ${input.from} and ${input.to}
             group by mr.period
          ) r on r.usage >= 0
         where sa.utility = ${group.utility} and p.district_id = ${group.districtId}
           and p.household_size = ${group.householdSize}`
    : sql`from (
            select mr.account_id, mr.period, sum(mr.consumption) as usage
              from meter_readings mr
             where mr.period between ${input.from} and ${input.to}
             group by mr.account_id, mr.period
          ) r
          join service_accounts sa on sa.id = r.account_id
          join premises p on p.id = sa.premises_id
         where r.usage >= 0`;
  const result = await db.execute(sql`
    insert into usage_peer_stats
      (utility, district_id, household_size, period, households, median, efficient, computed_at)
    select sa.utility, p.district_id, p.household_size, r.period, count(*)::int,
           round(percentile_cont(0.5) within group (order by r.usage)::numeric, 2),
           round(percentile_cont(0.2) within group (order by r.usage)::numeric, 2),
           now()
      ${perAccountUsage}
     group by sa.utility, p.district_id, p.household_size, r.period
    on conflict (utility, district_id, household_size, period) do update
       set households = excluded.households, median = excluded.median,
           efficient = excluded.efficient, computed_at = excluded.computed_at
    returning 1`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
