import 'server-only';
import { and, desc, eq, exists, inArray, notInArray } from 'drizzle-orm';
import { env } from '@/env';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { linkOf } from '../accounts/link-of';
import { getDb } from '../db';
import {
  bills,
  collections,
  LIVE_COLLECTION_STATUSES,
  mandates,
  premises,
  serviceAccounts,
} from '../db/schema';
import { collectionSummaryColumns } from './select-collection-summary';
import { mandateSummaryColumns } from './select-mandate-summary';
import type { TDirectDebitOverview } from './types';

const HISTORY = 24;

/**
 * The direct-debit page of one of the actor's accounts: the mandate collecting now, a set-up in
 * progress, what will be collected when, and what was. Null when the account is not linked to
 * the actor (or does not exist) — the caller answers "not found".
 */
export async function getDirectDebitOverview(input: {
  actor: TActor;
  accountId: number;
}): Promise<TDirectDebitOverview | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const [account] = await db
    .select({
      id: serviceAccounts.id,
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      addressZh: premises.addressZh,
      addressEn: premises.addressEn,
    })
    .from(serviceAccounts)
    .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
    .where(
      and(
        eq(serviceAccounts.id, input.accountId),
        exists(linkOf(input.actor.userId, serviceAccounts.id)),
      ),
    )
    .limit(1);
  if (!account) return null;

  const [mandateRows, upcoming, history] = await Promise.all([
    db
      .select(mandateSummaryColumns)
      .from(mandates)
      .where(eq(mandates.accountId, account.id))
      .orderBy(desc(mandates.createdAt), desc(mandates.id))
      .limit(10),
    db
      .select(collectionSummaryColumns)
      .from(collections)
      .innerJoin(bills, eq(bills.id, collections.billId))
      .where(
        and(
          eq(collections.accountId, account.id),
          inArray(collections.status, [...LIVE_COLLECTION_STATUSES]),
        ),
      )
      .orderBy(collections.collectOn, collections.id),
    db
      .select(collectionSummaryColumns)
      .from(collections)
      .innerJoin(bills, eq(bills.id, collections.billId))
      .where(
        and(
          eq(collections.accountId, account.id),
          notInArray(collections.status, [...LIVE_COLLECTION_STATUSES]),
        ),
      )
      .orderBy(desc(collections.collectOn), desc(bills.period), desc(collections.id))
      .limit(HISTORY),
  ]);

  const active = mandateRows.find((m) => m.status === 'active') ?? null;
  const pending = mandateRows.find((m) => m.status === 'pending') ?? null;
  const failed = mandateRows.find((m) => m.status === 'failed') ?? null;
  const lastFailed =
    failed && (!active || failed.createdAt > active.createdAt) && !pending ? failed : null;

  return {
    account: {
      id: account.id,
      accountNumber: account.accountNumber,
      utility: account.utility,
      address: { zh: account.addressZh, en: account.addressEn },
    },
    active,
    pending,
    lastFailed,
    upcoming,
    history,
    noticeDays: env.DIRECT_DEBIT_NOTICE_DAYS,
  };
}
