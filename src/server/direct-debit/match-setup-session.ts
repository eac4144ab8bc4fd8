import 'server-only';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { TDb } from '../db';
import { mandates } from '../db/schema';

/**
 * A Checkout Session in setup mode (a direct-debit mandate's hosted page) completed. The
 * mandate is activated by `setup_intent.succeeded`; this only confirms the session is ours, so
 * it is not reported as unmatched.
 */
export async function matchSetupSession(
  tx: TDb,
  session: Stripe.Checkout.Session,
): Promise<{ outcome: 'no_change' | 'unmatched'; paymentId: null }> {
  const [mandate] = await tx
    .select({ id: mandates.id })
    .from(mandates)
    .where(eq(mandates.providerSessionId, session.id))
    .limit(1);
  return { outcome: mandate ? 'no_change' : 'unmatched', paymentId: null };
}
