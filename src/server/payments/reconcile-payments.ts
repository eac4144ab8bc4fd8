import 'server-only';
import { and, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type Stripe from 'stripe';
import { getDb } from '../db';
import { paymentReconciliations, payments, refunds } from '../db/schema';
import { applyPaymentOutcome, lockPaymentByRefs } from './apply-payment-outcome';
import { applyRefundOutcome, lockRefundByRefs } from './apply-refund-outcome';
import { getPaymentProvider } from './get-payment-provider';
import { HANDLED_EVENT_TYPES } from './webhooks/handlers';
import { processStripeEvent } from './webhooks/process-stripe-event';

/** How far back a run re-reads the provider's events (Stripe keeps 30 days). */
const LOOKBACK_HOURS = 72;
/** A checkout left open this long is asked about directly. */
const STALE_MINUTES = 10;
const MAX_PAYMENTS = 500;

type TNote = { paymentId?: string; eventId?: string; note: string };

export type TReconciliationSummary = {
  id: number;
  eventsRead: number;
  eventsApplied: number;
  paymentsChecked: number;
  paymentsRepaired: number;
  unmatched: number;
  providerErrors: number;
  notes: TNote[];
};

/**
 * Repairs what a lost webhook missed. (1) Re-reads the provider's recent events of the handled
 * types and applies each through the same handlers (already-seen ids change nothing). (2) Asks
 * the provider directly about checkouts still pending/processing after a few minutes and
 * refunds still `submitted`. A provider timeout leaves the payment as it is and is counted in
 * the report; the next run tries again. Writes one report row per run.
 */
export async function reconcilePayments(input: {
  startedByUserId?: string | null;
  now?: Date;
}): Promise<TReconciliationSummary> {
  const now = input.now ?? new Date();
  const db = await getDb();
  const [run] = await db
    .insert(paymentReconciliations)
    .values({ startedByUserId: input.startedByUserId ?? null })
    .returning({ id: paymentReconciliations.id });
  if (!run) throw new Error('reconciliation run not recorded');
  const provider = getPaymentProvider();
  const summary: TReconciliationSummary = {
    id: run.id,
    eventsRead: 0,
    eventsApplied: 0,
    paymentsChecked: 0,
    paymentsRepaired: 0,
    unmatched: 0,
    providerErrors: 0,
    notes: [],
  };
  try {
    let events: Stripe.Event[] = [];
    try {
      events = await provider.listEvents({
        since: new Date(now.getTime() - LOOKBACK_HOURS * 3_600_000),
        types: HANDLED_EVENT_TYPES,
        max: 5000,
      });
    } catch (error) {
      summary.providerErrors += 1;
      summary.notes.push({ note: `events.list failed: ${describe(error)}` });
    }
    summary.eventsRead = events.length;
    for (const event of events) {
      const result = await processStripeEvent(event, 'reconciliation');
      if (result.status === 'applied') {
        summary.eventsApplied += 1;
        if (result.paymentId)
          summary.notes.push({
            paymentId: result.paymentId,
            eventId: event.id,
            note: `applied missed ${event.type}`,
          });
      }
      if (result.status === 'unmatched') summary.unmatched += 1;
    }

    const stale = await db
      .select({
        id: payments.id,
        sessionId: payments.providerSessionId,
        intentId: payments.providerPaymentIntentId,
      })
      .from(payments)
      .where(
        and(
          inArray(payments.status, ['pending', 'processing']),
          lt(payments.updatedAt, new Date(now.getTime() - STALE_MINUTES * 60_000)),
        ),
      )
      .orderBy(desc(payments.createdAt))
      .limit(MAX_PAYMENTS);
    for (const payment of stale) {
      summary.paymentsChecked += 1;
      try {
        const repaired = await reconcileOnePayment(payment);
        if (repaired) {
          summary.paymentsRepaired += 1;
          summary.notes.push({ paymentId: payment.id, note: repaired });
        }
      } catch (error) {
        summary.providerErrors += 1;
        summary.notes.push({
          paymentId: payment.id,
          note: `provider did not answer: ${describe(error)}`,
        });
      }
    }

    const waiting = await db
      .select({ id: refunds.id, providerRefundId: refunds.providerRefundId })
      .from(refunds)
      .where(and(eq(refunds.status, 'submitted'), isNotNull(refunds.providerRefundId)))
      .limit(MAX_PAYMENTS);
    for (const refund of waiting) {
      try {
        const answer = await provider.retrieveRefund(refund.providerRefundId ?? '');
        const changed = await db.transaction(async (tx) => {
          const row = await lockRefundByRefs(tx, { refundId: refund.id });
          return row ? applyRefundOutcome(tx, row, answer) : 'no_change';
        });
        if (changed === 'applied')
          summary.notes.push({ note: `refund ${refund.id} is ${answer.status}` });
      } catch (error) {
        summary.providerErrors += 1;
        summary.notes.push({
          note: `refund ${refund.id}: provider did not answer: ${describe(error)}`,
        });
      }
    }
    await finish('completed');
  } catch (error) {
    summary.notes.push({ note: `run failed: ${describe(error)}` });
    await finish('failed');
    throw error;
  }
  return summary;

  async function finish(status: 'completed' | 'failed') {
    await db
      .update(paymentReconciliations)
      .set({
        status,
        eventsRead: summary.eventsRead,
        eventsApplied: summary.eventsApplied,
        paymentsChecked: summary.paymentsChecked,
        paymentsRepaired: summary.paymentsRepaired,
        unmatched: summary.unmatched,
        providerErrors: summary.providerErrors,
        notes: summary.notes.slice(0, 200),
        finishedAt: new Date(),
      })
      .where(eq(paymentReconciliations.id, run!.id));
  }
}

/** Asks the provider about one open payment; returns what was repaired, or null. */
async function reconcileOnePayment(payment: {
  id: string;
  sessionId: string | null;
  intentId: string | null;
}): Promise<string | null> {
  if (!payment.sessionId) return null;
  const provider = getPaymentProvider();
  const session = await provider.retrieveCheckoutSession(payment.sessionId);
  const intent = session.paymentIntentId
    ? await provider.retrievePaymentIntent(session.paymentIntentId)
    : null;
  const outcome =
    intent?.status === 'succeeded' || session.paymentStatus === 'paid'
      ? ({ kind: 'succeeded' } as const)
      : intent?.status === 'processing'
        ? ({ kind: 'processing' } as const)
        : session.status === 'expired' || intent?.status === 'canceled'
          ? ({ kind: 'canceled' } as const)
          : null;
  if (!outcome) return null;
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const row = await lockPaymentByRefs(tx, { paymentId: payment.id });
    if (!row) return 'no_change' as const;
    return applyPaymentOutcome(tx, row, outcome, {
      sessionId: session.id,
      paymentIntentId: intent?.id ?? null,
      chargeId: intent?.latestChargeId ?? null,
    });
  });
  return result === 'applied' ? `set to ${outcome.kind} from the provider's records` : null;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
