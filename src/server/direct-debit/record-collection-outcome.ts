import 'server-only';
import { and, eq } from 'drizzle-orm';
import { formatFen } from '@/lib/money';
import type { TDb } from '../db';
import { bills, collectionAttempts, collections } from '../db/schema';
import type { TPaymentStatusListener } from '../payments/payment-status-listeners';
import { todayInShanghai } from '../billing/today-in-shanghai';
import { retryOn } from './collection-calendar';
import { bankWorkingDays } from './bank-working-day';
import { getWorkingCalendar } from '../calendar';
import { notifyAccountHolders } from './notify-account-holders';

/**
 * What a direct-debit payment's outcome means for its collection, run in the transaction that
 * changed the payment (the webhook, reconciliation, or the collection job on a decline):
 *
 * - succeeded → the collection is done; the resident is told what was taken. The ledger entry
 *   and allocation were written by the payments domain, as for any payment.
 * - failed → the attempt failed; a retry is planned (+3 days, then +7) and announced, or, after
 *   the third attempt, the collection stops and the resident is told to pay another way.
 *
 * Only an attempt still `processing` changes, so a duplicate or late event does nothing.
 */
export const onDirectDebitPaymentStatus: TPaymentStatusListener = async (tx, change) => {
  if (change.channel !== 'direct_debit') return;
  if (change.to === 'succeeded') await recordCollectionSucceeded(tx, change.paymentId);
  else if (change.to === 'failed' || change.to === 'canceled')
    await recordCollectionFailed(
      tx,
      change.paymentId,
      change.failure?.declineCode ?? change.failure?.code ?? null,
    );
};

async function lockProcessingAttempt(tx: TDb, paymentId: string) {
  const [row] = await tx
    .select({
      attemptId: collectionAttempts.id,
      attemptNo: collectionAttempts.attemptNo,
      amountFen: collectionAttempts.amountFen,
      attemptedOn: collectionAttempts.attemptedOn,
      collectionId: collections.id,
      accountId: collections.accountId,
      currency: collections.currency,
      period: bills.period,
    })
    .from(collectionAttempts)
    .innerJoin(collections, eq(collections.id, collectionAttempts.collectionId))
    .innerJoin(bills, eq(bills.id, collections.billId))
    .where(
      and(eq(collectionAttempts.paymentId, paymentId), eq(collectionAttempts.status, 'processing')),
    )
    .limit(1)
    .for('update', { of: collectionAttempts });
  return row ?? null;
}

async function recordCollectionSucceeded(tx: TDb, paymentId: string): Promise<void> {
  const attempt = await lockProcessingAttempt(tx, paymentId);
  if (!attempt) return;
  await tx
    .update(collectionAttempts)
    .set({ status: 'succeeded', finishedAt: new Date() })
    .where(eq(collectionAttempts.id, attempt.attemptId));
  await tx
    .update(collections)
    .set({ status: 'succeeded', nextAttemptOn: null, paymentId })
    .where(eq(collections.id, attempt.collectionId));
  await notifyAccountHolders(tx, [
    {
      accountId: attempt.accountId,
      kind: 'direct_debit.collected',
      title: {
        key: 'directDebit.notify.collected.title',
        values: { amount: formatFen(attempt.amountFen, 'zh-CN', attempt.currency) },
      },
      body: {
        key: 'directDebit.notify.collected.body',
        values: {
          amount: formatFen(attempt.amountFen, 'zh-CN', attempt.currency),
          period: { date: attempt.period },
        },
      },
      link: `/accounts/${attempt.accountId}/direct-debit`,
      dedupeKey: `direct-debit:collected:${attempt.collectionId}`,
    },
  ]);
}

async function recordCollectionFailed(
  tx: TDb,
  paymentId: string,
  failureCode: string | null,
): Promise<void> {
  const attempt = await lockProcessingAttempt(tx, paymentId);
  if (!attempt) return;
  // A bank reports a failure days after the attempt; a retry counts from the later of the two.
  const today = todayInShanghai();
  const failedOn = attempt.attemptedOn > today ? attempt.attemptedOn : today;
  await tx
    .update(collectionAttempts)
    .set({ status: 'failed', failureCode, finishedAt: new Date() })
    .where(eq(collectionAttempts.id, attempt.attemptId));
  const next = retryOn({
    failedOn,
    attempt: attempt.attemptNo,
    isWorkingDay: bankWorkingDays(await getWorkingCalendar(tx)),
  });
  // A collection canceled while this attempt was in flight stays canceled: no retry.
  const updated = await tx
    .update(collections)
    .set(
      next
        ? { status: 'notified', nextAttemptOn: next, lastFailureCode: failureCode }
        : {
            status: 'failed',
            nextAttemptOn: null,
            lastFailureCode: failureCode,
            closedReason: 'retries_exhausted',
          },
    )
    .where(and(eq(collections.id, attempt.collectionId), eq(collections.status, 'processing')))
    .returning({ id: collections.id });
  if (updated.length === 0) return;
  const amount = formatFen(attempt.amountFen, 'zh-CN', attempt.currency);
  await notifyAccountHolders(tx, [
    next
      ? {
          accountId: attempt.accountId,
          kind: 'direct_debit.retry',
          title: { key: 'directDebit.notify.retry.title', values: { amount } },
          body: {
            key: 'directDebit.notify.retry.body',
            values: { amount, date: { date: next }, period: { date: attempt.period } },
          },
          link: `/accounts/${attempt.accountId}/direct-debit`,
          dedupeKey: `direct-debit:failed:${attempt.collectionId}:${attempt.attemptNo}`,
        }
      : {
          accountId: attempt.accountId,
          kind: 'direct_debit.stopped',
          title: { key: 'directDebit.notify.stopped.title', values: { amount } },
          body: {
            key: 'directDebit.notify.stopped.body',
            values: { amount, attempts: attempt.attemptNo, period: { date: attempt.period } },
          },
          link: `/accounts/${attempt.accountId}/bills`,
          dedupeKey: `direct-debit:stopped:${attempt.collectionId}`,
        },
  ]);
}
