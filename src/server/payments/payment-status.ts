import 'server-only';

import type { TPaymentStatus } from '../db/schema/payments';

/**
 * The order a payment's status may only move up. Provider events arrive late, twice and out of
 * order, so each one proposes a status and the payment keeps the higher of the two: whatever
 * the order, the same events give the same final status. A success outranks a failure (money
 * that moved is the truth: a declined card followed by a good one). Refund states are derived
 * from refunded amounts, not from this order.
 */
const RANK: Record<TPaymentStatus, number> = {
  pending: 0,
  processing: 1,
  failed: 2,
  canceled: 3,
  succeeded: 4,
  partially_refunded: 5,
  refunded: 6,
};

export function higherStatus(current: TPaymentStatus, proposed: TPaymentStatus): TPaymentStatus {
  return RANK[proposed] > RANK[current] ? proposed : current;
}

export function isSettled(status: TPaymentStatus): boolean {
  return RANK[status] >= RANK.succeeded;
}

/** The status after refunds: refunded in full, in part, or still just succeeded. */
export function statusAfterRefunds(amountFen: number, refundedFen: number): TPaymentStatus {
  if (refundedFen <= 0) return 'succeeded';
  return refundedFen >= amountFen ? 'refunded' : 'partially_refunded';
}
