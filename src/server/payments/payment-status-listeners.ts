import 'server-only';
import type { TDb } from '../db';
import { onDirectDebitPaymentStatus } from '../direct-debit/record-collection-outcome';
import type { TPaymentChannel, TPaymentStatus } from '../db/schema/payments';

export type TPaymentStatusChange = {
  paymentId: string;
  accountId: number;
  channel: TPaymentChannel;
  from: TPaymentStatus;
  to: TPaymentStatus;
  /** For a failed try that leaves the payment open (a declined card on Checkout). */
  failure?: { code: string | null; declineCode: string | null; message: string | null };
};

/** Runs in the transaction that changed the payment (webhook or reconciliation). */
export type TPaymentStatusListener = (tx: TDb, change: TPaymentStatusChange) => Promise<void>;

/**
 * Capabilities that care about a payment's outcome (direct debit: retries and notices) import
 * their listener and list it here — one line — instead of editing the event handlers. A
 * listener that throws rolls the event back (the webhook answers 500 and Stripe retries).
 */
export const paymentStatusListeners: readonly TPaymentStatusListener[] = [
  onDirectDebitPaymentStatus,
];
