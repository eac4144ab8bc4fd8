import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { writeAudit } from '../audit';
import { getDb } from '../db';
import { refunds } from '../db/schema';
import { submitRefund } from './submit-refund';

export type TDecideRefundResult =
  | { ok: true; status: 'rejected' | 'submitted' | 'succeeded' | 'failed' }
  | { ok: false; error: 'not_found' | 'own_request' | 'already_decided' | 'provider_error' };

/**
 * The second pair of eyes on a large refund: a staff member other than the one who asked
 * approves (it is then sent) or rejects it with a note. Audited; the database also refuses an
 * approver equal to the requester.
 */
export async function decideRefund(input: {
  actor: TActor;
  refundId: string;
  decision: 'approve' | 'reject';
  note?: string;
}): Promise<TDecideRefundResult> {
  assertCan(input.actor, 'approve:refund:any');
  const db = await getDb();
  const decided = await db.transaction(async (tx) => {
    const [refund] = await tx
      .select()
      .from(refunds)
      .where(eq(refunds.id, input.refundId))
      .for('update');
    if (!refund) return { ok: false, error: 'not_found' } as const;
    if (refund.status !== 'awaiting_approval')
      return { ok: false, error: 'already_decided' } as const;
    if (refund.requestedByUserId === input.actor.userId)
      return { ok: false, error: 'own_request' } as const;
    const status = input.decision === 'approve' ? 'submitted' : 'rejected';
    await tx
      .update(refunds)
      .set({
        status,
        approvedByUserId: input.decision === 'approve' ? input.actor.userId : null,
        decidedAt: new Date(),
        rejectionNote: input.decision === 'reject' ? (input.note ?? null) : null,
      })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, 'awaiting_approval')));
    await writeAudit(tx, input.actor, {
      action: input.decision === 'approve' ? 'refund.approved' : 'refund.rejected',
      subjectType: 'payment',
      subjectId: refund.paymentId,
      detail: { refundId: refund.id, amountFen: refund.amountFen, note: input.note ?? null },
    });
    return { ok: true, status } as const;
  });
  if (!decided.ok || decided.status === 'rejected') return decided;
  const sent = await submitRefund(input.refundId);
  if (sent === 'provider_error') return { ok: false, error: 'provider_error' };
  return { ok: true, status: sent };
}
