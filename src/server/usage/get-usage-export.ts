import 'server-only';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getDb } from '../db';
import { monthDistance } from './months';
import { selectMonthlyUsage } from './select-monthly-usage';
import { selectUsageAccount } from './select-usage-account';
import type { TUsageExport } from './types';

/** The longest range one export may cover (ten years of months). */
export const MAX_EXPORT_MONTHS = 120;

export type TGetUsageExportResult =
  { ok: true; usageExport: TUsageExport } | { ok: false; error: 'not_found' | 'bad_range' };

/**
 * The monthly usage of one of the actor's accounts from `from` to `to` (first days of months,
 * both included) for CSV or Green Button export. A foreign or unknown account is "not found".
 */
export async function getUsageExport(input: {
  actor: TActor;
  accountId: number;
  from: string;
  to: string;
}): Promise<TGetUsageExportResult> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const account = await selectUsageAccount(db, input.actor.userId, input.accountId);
  if (!account) return { ok: false, error: 'not_found' };
  const span = monthDistance(input.from, input.to);
  if (span < 0 || span >= MAX_EXPORT_MONTHS) return { ok: false, error: 'bad_range' };
  const rows = await selectMonthlyUsage(db, {
    userId: input.actor.userId,
    accountId: account.id,
    from: input.from,
    to: input.to,
  });
  const accountDto = {
    id: account.id,
    accountNumber: account.accountNumber,
    utility: account.utility,
    unit: account.unit,
    householdSize: account.householdSize,
    district: account.district,
  };
  return { ok: true, usageExport: { account: accountDto, from: input.from, to: input.to, rows } };
}
