import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { getDb } from '../db';
import { billingExceptions, premises, serviceAccounts } from '../db/schema';

export type TBillingExceptionRow = {
  id: number;
  accountId: number;
  accountNumber: string;
  holderName: string;
  addressZh: string;
  addressEn: string;
  reason: 'negative_consumption' | 'usage_spike' | 'no_tariff';
  detail: Record<string, string | number | null> | null;
  status: 'open' | 'corrected' | 'released' | 'billed';
  correctedUsage: string | null;
  note: string | null;
};

/** A run's exceptions (open ones by default), oldest account first. */
export async function listBillingExceptions(input: {
  actor: TActor;
  runId: number;
  status?: TBillingExceptionRow['status'] | 'all';
  limit?: number;
}): Promise<TBillingExceptionRow[]> {
  assertCan(input.actor, 'run:billing');
  const db = await getDb();
  const status = input.status ?? 'open';
  return db
    .select({
      id: billingExceptions.id,
      accountId: billingExceptions.accountId,
      accountNumber: serviceAccounts.accountNumber,
      holderName: serviceAccounts.holderName,
      addressZh: premises.addressZh,
      addressEn: premises.addressEn,
      reason: billingExceptions.reason,
      detail: billingExceptions.detail,
      status: billingExceptions.status,
      correctedUsage: billingExceptions.correctedUsage,
      note: billingExceptions.note,
    })
    .from(billingExceptions)
    .innerJoin(serviceAccounts, eq(serviceAccounts.id, billingExceptions.accountId))
    .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
    .where(
      and(
        eq(billingExceptions.runId, input.runId),
        status === 'all' ? undefined : eq(billingExceptions.status, status),
      ),
    )
    .orderBy(asc(billingExceptions.accountId))
    .limit(input.limit ?? 200);
}
