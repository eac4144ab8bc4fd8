import 'server-only';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { mandates } from '../db/schema';
import { getDirectDebitProvider } from './get-direct-debit-provider';

/**
 * Reads the masked details (bank or card brand, last four digits) of active mandates that do
 * not have them yet. The webhook that activates a mandate carries only the payment method's id
 * and runs inside a database transaction, where a provider call does not belong; this runs
 * outside one (the collection day, and the resident's page when it finds them missing).
 */
export async function fillMandateDetails(input: { accountId?: number } = {}): Promise<number> {
  const db = await getDb();
  const missing = await db
    .select({ id: mandates.id, paymentMethodId: mandates.providerPaymentMethodId })
    .from(mandates)
    .where(
      and(
        eq(mandates.status, 'active'),
        isNull(mandates.methodLast4),
        isNotNull(mandates.providerPaymentMethodId),
        input.accountId === undefined ? undefined : eq(mandates.accountId, input.accountId),
      ),
    )
    .limit(500);
  let filled = 0;
  for (const mandate of missing) {
    if (!mandate.paymentMethodId) continue;
    try {
      const method = await getDirectDebitProvider().retrievePaymentMethod(mandate.paymentMethodId);
      await db
        .update(mandates)
        .set({ methodLabel: method.label, methodLast4: method.last4, methodType: method.type })
        .where(eq(mandates.id, mandate.id));
      filled += 1;
    } catch (error) {
      console.warn(`[direct-debit] masked details of mandate ${mandate.id} not read:`, error);
    }
  }
  return filled;
}
