import 'server-only';
import { eq, or, sql } from 'drizzle-orm';
import type { TDb } from '../db';
import {
  ledgerEntries,
  paymentAllocations,
  paymentAttempts,
  payments,
  serviceAccounts,
  type TPaymentStatus,
} from '../db/schema';
import { allocateOldestFirst } from './allocation';
import { listOpenBills } from './ledger';
import { higherStatus } from './payment-status';
import { paymentStatusListeners } from './payment-status-listeners';

export type TPaymentOutcome =
  | { kind: 'succeeded' }
  | { kind: 'processing' }
  | { kind: 'failed' }
  | { kind: 'canceled' }
  /** One try failed but the payer may try again (Checkout stays open). */
  | { kind: 'attempt_failed' };

export type TProviderRefs = {
  paymentId?: string | null;
  sessionId?: string | null;
  paymentIntentId?: string | null;
};

type TPaymentRow = typeof payments.$inferSelect;

/** Finds (and locks) the payment an event is about: our id in metadata, else provider ids. */
export async function lockPaymentByRefs(tx: TDb, refs: TProviderRefs): Promise<TPaymentRow | null> {
  const conditions = [
    refs.paymentId ? eq(payments.id, refs.paymentId) : undefined,
    refs.sessionId ? eq(payments.providerSessionId, refs.sessionId) : undefined,
    refs.paymentIntentId ? eq(payments.providerPaymentIntentId, refs.paymentIntentId) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return null;
  const [row] = await tx
    .select()
    .from(payments)
    .where(or(...conditions))
    .limit(1)
    .for('update');
  return row ?? null;
}

/**
 * Applies what the provider says about a payment, in the caller's transaction. The status only
 * moves up (payment-status.ts), so duplicates and any order end the same. On success it writes
 * the one `payment` ledger entry (unique per payment) and the allocations, oldest open bill
 * first, computed under a lock on the account so two payments never split one bill twice.
 * Returns whether anything changed.
 */
export async function applyPaymentOutcome(
  tx: TDb,
  payment: TPaymentRow,
  outcome: TPaymentOutcome,
  details: {
    eventId?: string | null;
    sessionId?: string | null;
    paymentIntentId?: string | null;
    chargeId?: string | null;
    methodType?: string | null;
    failure?: { code: string | null; declineCode: string | null; message: string | null } | null;
  } = {},
): Promise<'applied' | 'no_change'> {
  let proposed: TPaymentStatus;
  switch (outcome.kind) {
    case 'succeeded':
      proposed = 'succeeded';
      break;
    case 'processing':
      proposed = 'processing';
      break;
    case 'failed':
      proposed = 'failed';
      break;
    case 'canceled':
      proposed = 'canceled';
      break;
    case 'attempt_failed':
      proposed = payment.channel === 'direct_debit' ? 'failed' : payment.status;
      break;
  }
  const next = higherStatus(payment.status, proposed);
  const statusChanged = next !== payment.status;

  const fill = {
    providerSessionId: payment.providerSessionId ?? details.sessionId ?? null,
    providerPaymentIntentId: payment.providerPaymentIntentId ?? details.paymentIntentId ?? null,
    providerChargeId: payment.providerChargeId ?? details.chargeId ?? null,
    methodType: payment.methodType ?? details.methodType ?? null,
  };
  const refsChanged =
    fill.providerSessionId !== payment.providerSessionId ||
    fill.providerPaymentIntentId !== payment.providerPaymentIntentId ||
    fill.providerChargeId !== payment.providerChargeId ||
    fill.methodType !== payment.methodType;

  const attemptOutcome =
    outcome.kind === 'attempt_failed'
      ? 'failed'
      : outcome.kind === 'succeeded'
        ? 'succeeded'
        : outcome.kind;
  const attempt = await tx
    .insert(paymentAttempts)
    .values({
      paymentId: payment.id,
      eventId: details.eventId ?? null,
      outcome: attemptOutcome,
      methodType: details.methodType ?? null,
      failureCode: details.failure?.code ?? null,
      declineCode: details.failure?.declineCode ?? null,
      failureMessage: details.failure?.message?.slice(0, 500) ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: paymentAttempts.id });
  const attemptRecorded = attempt.length > 0 && outcome.kind !== 'succeeded';

  if (next === 'succeeded' && statusChanged) {
    await settleSucceededPayment(tx, payment);
  }

  const failure =
    outcome.kind === 'attempt_failed' || outcome.kind === 'failed' ? details.failure : null;
  if (statusChanged || refsChanged || failure) {
    await tx
      .update(payments)
      .set({
        ...fill,
        status: next,
        ...(next === 'succeeded' && statusChanged ? { succeededAt: new Date() } : {}),
        // The last failed try, for the payer's page ("your card was declined").
        ...(failure && next !== 'succeeded'
          ? { failureCode: failure.declineCode ?? failure.code, failureMessage: failure.message }
          : {}),
      })
      .where(eq(payments.id, payment.id));
  }

  if (statusChanged || (attemptRecorded && failure)) {
    for (const listener of paymentStatusListeners) {
      await listener(tx, {
        paymentId: payment.id,
        accountId: payment.accountId,
        channel: payment.channel,
        from: payment.status,
        to: next,
        ...(failure ? { failure } : {}),
      });
    }
  }
  return statusChanged || refsChanged || attemptRecorded ? 'applied' : 'no_change';
}

async function settleSucceededPayment(tx: TDb, payment: TPaymentRow): Promise<void> {
  // One money movement per account at a time: allocations read the balance they change.
  await tx
    .select({ id: serviceAccounts.id })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.id, payment.accountId))
    .for('update');
  const { openBills } = await listOpenBills(tx, payment.accountId);
  const { allocations } = allocateOldestFirst(openBills, payment.amountFen);
  // The one `payment` entry (unique per payment) and its allocations in one statement: the
  // allocations are written only when the entry is new, as a second settlement finds it there.
  await tx.execute(sql`
    WITH entry AS (
      INSERT INTO ${ledgerEntries} (account_id, kind, amount_fen, currency, reference)
      VALUES (${payment.accountId}, 'payment', ${-payment.amountFen}, ${payment.currency}, ${payment.id})
      ON CONFLICT DO NOTHING
      RETURNING id
    )
    INSERT INTO ${paymentAllocations} (payment_id, bill_id, amount_fen)
    SELECT ${payment.id}, t.bill_id, t.amount_fen
      FROM unnest(${sql.param(allocations.map((a) => a.billId))}::bigint[],
                  ${sql.param(allocations.map((a) => a.amountFen))}::int[]) AS t(bill_id, amount_fen)
     WHERE EXISTS (SELECT 1 FROM entry)
    ON CONFLICT DO NOTHING
  `);
}
