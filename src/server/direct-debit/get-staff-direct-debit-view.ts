import 'server-only';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { assertCan, can } from '../auth/permissions';
import { rowsOf } from '../db/rows-of';
import type { TActor } from '../auth/actor';
import { getDb } from '../db';
import { bills, collections, mandates, serviceAccounts } from '../db/schema';
import { paymentMode } from '../payments/payment-settings';
import { todayInShanghai } from '../billing/today-in-shanghai';
import { addDays } from './collection-calendar';
import { collectionSummaryColumns } from './select-collection-summary';
import { mandateSummaryColumns } from './select-mandate-summary';
import type { TCollectionSummary, TMandateSummary } from './types';

export type TStaffCollection = TCollectionSummary & { accountId: number; accountNumber: string };

export type TStaffDirectDebitView = {
  today: string;
  /** Sandbox only: staff may run a collection day ahead of time (like Stripe's test clocks). */
  canRunAhead: boolean;
  canRun: boolean;
  counts: { activeMandates: number; scheduled: number; processing: number; failed30Days: number };
  /** The earliest day a planned collection or retry is due (what "run" would collect). */
  nextDueOn: string | null;
  failed: TStaffCollection[];
  /** Set when staff looked up one account: its mandates and collections. */
  account: {
    id: number;
    accountNumber: string;
    mandates: TMandateSummary[];
    collections: TCollectionSummary[];
  } | null;
};

/** The staff direct-debit page: totals, failed collections, and one account's mandates. */
export async function getStaffDirectDebitView(input: {
  actor: TActor;
  accountNumber?: string;
}): Promise<TStaffDirectDebitView> {
  assertCan(input.actor, 'view:mandate:any');
  const db = await getDb();
  const today = todayInShanghai();
  const [counts] = rowsOf<{
    active: number;
    scheduled: number;
    processing: number;
    failed: number;
    next_due: string | null;
  }>(
    await db.execute(sql`
    SELECT (SELECT count(*) FROM mandates WHERE status = 'active')::int AS active,
           (SELECT count(*) FROM collections WHERE status IN ('scheduled', 'notified'))::int AS scheduled,
           (SELECT count(*) FROM collections WHERE status = 'processing')::int AS processing,
           (SELECT count(*) FROM collections WHERE status = 'failed'
               AND updated_at >= ${addDays(today, -30)}::date)::int AS failed,
           (SELECT min(next_attempt_on)::text FROM collections
             WHERE status IN ('scheduled', 'notified')) AS next_due
  `),
  );

  const failed = await db
    .select({
      ...collectionSummaryColumns,
      accountId: collections.accountId,
      accountNumber: serviceAccounts.accountNumber,
    })
    .from(collections)
    .innerJoin(bills, eq(bills.id, collections.billId))
    .innerJoin(serviceAccounts, eq(serviceAccounts.id, collections.accountId))
    .where(
      and(
        eq(collections.status, 'failed'),
        gte(collections.updatedAt, new Date(`${addDays(today, -90)}T00:00:00+08:00`)),
      ),
    )
    .orderBy(desc(collections.updatedAt))
    .limit(50);

  let account: TStaffDirectDebitView['account'] = null;
  if (input.accountNumber) {
    const [found] = await db
      .select({ id: serviceAccounts.id, accountNumber: serviceAccounts.accountNumber })
      .from(serviceAccounts)
      .where(eq(serviceAccounts.accountNumber, input.accountNumber))
      .limit(1);
    if (found) {
      const [accountMandates, accountCollections] = await Promise.all([
        db
          .select(mandateSummaryColumns)
          .from(mandates)
          .where(eq(mandates.accountId, found.id))
          .orderBy(desc(mandates.id))
          .limit(20),
        db
          .select(collectionSummaryColumns)
          .from(collections)
          .innerJoin(bills, eq(bills.id, collections.billId))
          .where(eq(collections.accountId, found.id))
          .orderBy(desc(collections.id))
          .limit(50),
      ]);
      account = { ...found, mandates: accountMandates, collections: accountCollections };
    }
  }

  return {
    today,
    canRunAhead: paymentMode() === 'sandbox',
    canRun: paymentMode() !== 'off' && can(input.actor.role, 'run:collections'),
    counts: {
      activeMandates: counts?.active ?? 0,
      scheduled: counts?.scheduled ?? 0,
      processing: counts?.processing ?? 0,
      failed30Days: counts?.failed ?? 0,
    },
    nextDueOn: counts?.next_due ?? null,
    failed,
    account,
  };
}
