import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { env } from '@/env';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { writeAudit } from '../audit';
import { getDb } from '../db';
import { payments, refunds } from '../db/schema';
import { newRefundId } from './payment-ids';
import { submitRefund } from './submit-refund';

export type TRequestRefundResult =
  | {
      ok: true;
      refundId: string;
      status: 'awaiting_approval' | 'submitted' | 'succeeded' | 'failed';
    }
  | { ok: false; error: 'not_found' | 'not_refundable' | 'too_much' | 'provider_error' };

/** Refunds that still hold part of a payment (waiting, sent, or done). */
const HOLDING = ['awaiting_approval', 'submitted', 'succeeded'] as const;

/**
 * A billing staff member refunds part or all of a succeeded payment, with a reason. At most what
 * is left of the payment (counting refunds already waiting or sent) — checked under a lock on
 * the payment so two clerks cannot refund the same money twice. Above
 * REFUND_APPROVAL_THRESHOLD_FEN it waits for a second, different staff member; otherwise it is
 * sent to the provider at once. Audited either way.
 */
export async function requestRefund(input: {
  actor: TActor;
  paymentId: string;
  amountFen: number;
  reason: string;
}): Promise<TRequestRefundResult> {
  assertCan(input.actor, 'refund:payment:any');
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.id, input.paymentId))
      .for('update');
    if (!payment) return { ok: false, error: 'not_found' } as const;
    if (
      !['succeeded', 'partially_refunded'].includes(payment.status) ||
      !payment.providerPaymentIntentId
    ) {
      return { ok: false, error: 'not_refundable' } as const;
    }
    const [held] = await tx
      .select({ fen: sql<number>`coalesce(sum(${refunds.amountFen}), 0)`.mapWith(Number) })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), inArray(refunds.status, [...HOLDING])));
    if (input.amountFen > payment.amountFen - (held?.fen ?? 0)) {
      return { ok: false, error: 'too_much' } as const;
    }
    const needsApproval = input.amountFen > env.REFUND_APPROVAL_THRESHOLD_FEN;
    const [refund] = await tx
      .insert(refunds)
      .values({
        id: newRefundId(),
        paymentId: payment.id,
        accountId: payment.accountId,
        amountFen: input.amountFen,
        currency: payment.currency,
        reason: input.reason,
        status: needsApproval ? 'awaiting_approval' : 'submitted',
        requestedByUserId: input.actor.userId,
      })
      .returning({ id: refunds.id });
    if (!refund) throw new Error('refund not inserted');
    await writeAudit(tx, input.actor, {
      action: 'refund.requested',
      subjectType: 'payment',
      subjectId: payment.id,
      detail: {
        refundId: refund.id,
        amountFen: input.amountFen,
        reason: input.reason,
        needsApproval,
        thresholdFen: env.REFUND_APPROVAL_THRESHOLD_FEN,
      },
    });
    return { ok: true, refundId: refund.id, needsApproval } as const;
  });
  if (!outcome.ok) return outcome;
  if (outcome.needsApproval)
    return { ok: true, refundId: outcome.refundId, status: 'awaiting_approval' };
  const sent = await submitRefund(outcome.refundId);
  if (sent === 'provider_error') return { ok: false, error: 'provider_error' };
  return { ok: true, refundId: outcome.refundId, status: sent };
}
