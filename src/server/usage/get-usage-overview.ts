import 'server-only';
import { and, between, eq } from 'drizzle-orm';
import { Decimal } from '@/lib/decimal';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getDb } from '../db';
import { usagePeerStats } from '../db/schema';
import { addMonths, monthOf, monthsBetween, todayInShanghai } from './months';
import { refreshPeerUsage } from './refresh-peer-usage';
import { selectMonthlyUsage, selectReadingSpan } from './select-monthly-usage';
import { selectTariffInEffect } from './select-tariff-in-effect';
import { selectUsageAccount } from './select-usage-account';
import { tierProgress } from './tier-progress';
import type { TUsageMonth, TUsageOverview } from './types';

/** Fewer similar households than this and the comparison could reveal a neighbour's usage. */
export const MIN_PEER_HOUSEHOLDS = 5;
export const USAGE_CHART_MONTHS = 24;

/**
 * Everything the usage page shows for one of the actor's accounts: up to 24 months ending with
 * the last completed month (months without a reading marked missing), the same month a year
 * earlier, similar households, and progress through the current tariff's tiers. Null when the
 * account is not linked to the actor or does not exist.
 */
export async function getUsageOverview(input: {
  actor: TActor;
  accountId: number;
  /** YYYY-MM-DD in Asia/Shanghai; defaults to today. */
  today?: string;
}): Promise<TUsageOverview | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const userId = input.actor.userId;
  const account = await selectUsageAccount(db, userId, input.accountId);
  if (!account) return null;
  const today = input.today ?? todayInShanghai();
  const lastCompleted = addMonths(monthOf(today), -1);

  const [span, tariff] = await Promise.all([
    selectReadingSpan(db, { userId, accountId: account.id }),
    selectTariffInEffect(db, { utility: account.utility, on: today }),
  ]);
  const { districtId, ...accountDto } = account;

  let months: TUsageMonth[] = [];
  let peerHouseholds: number | null = null;
  if (span) {
    const end = span.last > lastCompleted ? span.last : lastCompleted;
    const earliest = addMonths(end, -(USAGE_CHART_MONTHS - 1));
    const start = span.first > earliest ? span.first : earliest;
    const window = monthsBetween(start, end);
    const readings = await selectMonthlyUsage(db, {
      userId,
      accountId: account.id,
      from: addMonths(start, -12),
      to: end,
    });
    const byPeriod = new Map(readings.map((r) => [r.period, r]));

    const group = {
      utility: account.utility,
      districtId,
      householdSize: account.householdSize,
    };
    const selectPeers = () =>
      db
        .select({
          period: usagePeerStats.period,
          households: usagePeerStats.households,
          median: usagePeerStats.median,
          efficient: usagePeerStats.efficient,
        })
        .from(usagePeerStats)
        .where(
          and(
            eq(usagePeerStats.utility, group.utility),
            eq(usagePeerStats.districtId, group.districtId),
            eq(usagePeerStats.householdSize, group.householdSize),
            between(usagePeerStats.period, start, end),
          ),
        );
    let peers = await selectPeers();
    // A month this household has a reading for always has a group row once computed; if one
    // is missing the nightly job has not reached it yet, so compute this group now (once).
    const known = new Set(peers.map((p) => p.period));
    if (window.some((p) => byPeriod.has(p) && !known.has(p))) {
      await refreshPeerUsage({ from: start, to: end, group });
      peers = await selectPeers();
    }
    const peersByPeriod = new Map(peers.map((p) => [p.period, p]));

    months = window.map((period, index) => {
      const reading = byPeriod.get(period);
      const previous = index > 0 ? window[index - 1] : addMonths(period, -1);
      const peer = peersByPeriod.get(period);
      return {
        period,
        usage: reading?.usage ?? null,
        status: reading?.status ?? 'missing',
        coversMissing:
          Boolean(reading) &&
          previous !== undefined &&
          !byPeriod.has(previous) &&
          previous >= span.first,
        lastYear: byPeriod.get(addMonths(period, -12))?.usage ?? null,
        peers:
          peer && peer.households >= MIN_PEER_HOUSEHOLDS
            ? { median: peer.median, efficient: peer.efficient, households: peer.households }
            : null,
      };
    });
    peerHouseholds = months.findLast((m) => m.peers)?.peers?.households ?? null;
  }

  let progress: TUsageOverview['tierProgress'] = null;
  if (tariff && tariff.tiers.length > 0) {
    const periodStart =
      tariff.tierPeriod === 'year' ? `${today.slice(0, 4)}-01-01` : monthOf(today);
    const sinceStart = await selectMonthlyUsage(db, {
      userId,
      accountId: account.id,
      from: periodStart,
      to: monthOf(today),
    });
    const used = sinceStart.reduce((sum, r) => sum.plus(r.usage), new Decimal(0));
    progress = tierProgress({
      tariff,
      householdSize: account.householdSize,
      today,
      used: used.toFixed(),
    });
  }

  return { account: accountDto, months, peerHouseholds, tierProgress: progress };
}
