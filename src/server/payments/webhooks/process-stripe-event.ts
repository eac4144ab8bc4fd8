import 'server-only';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { getDb } from '../../db';
import { stripeEvents } from '../../db/schema';
import { webhookHandlers } from './handlers';

export type TProcessedEvent =
  | { status: 'ignored'; type: string }
  | { status: 'duplicate' }
  | { status: 'applied' | 'no_change' | 'unmatched'; paymentId: string | null };

/**
 * Applies one verified provider event exactly once: its id goes into stripe_events in the same
 * transaction as its effect, so a duplicate (or a concurrent second delivery, which waits on
 * the key) changes nothing. Types outside the allow-list are ignored. An event for a payment we
 * never created is kept as `unmatched` (with its payload) for the reconciliation report. Throws
 * when the effect fails, so the webhook answers 5xx and the provider retries.
 */
export async function processStripeEvent(
  event: Stripe.Event,
  source: 'webhook' | 'reconciliation',
): Promise<TProcessedEvent> {
  const handler = webhookHandlers[event.type];
  if (!handler) return { status: 'ignored', type: event.type };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(stripeEvents)
      .values({
        id: event.id,
        type: event.type,
        providerCreatedAt: new Date(event.created * 1000),
        outcome: 'applied',
        source,
      })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (claimed.length === 0) return { status: 'duplicate' } as const;
    const result = await handler(tx, event);
    if (result.outcome !== 'applied' || result.paymentId) {
      await tx
        .update(stripeEvents)
        .set({
          outcome: result.outcome,
          paymentId: result.paymentId,
          ...(result.outcome === 'unmatched' ? { payload: event as unknown as object } : {}),
        })
        .where(eq(stripeEvents.id, event.id));
    }
    if (result.outcome === 'unmatched') {
      console.warn(
        `[payments] ${event.type} ${event.id} names no payment of ours; kept for reconciliation`,
      );
    }
    return { status: result.outcome, paymentId: result.paymentId };
  });
}
