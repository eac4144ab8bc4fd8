import 'server-only';
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type Stripe from 'stripe';
import { writeAudit } from '../audit';
import type { TDb } from '../db';
import { collections, mandates } from '../db/schema';
import { notifyAccountHolders } from './notify-account-holders';

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/**
 * What the provider says about a mandate's SetupIntent, in the webhook's transaction.
 *
 * - succeeded → the mandate becomes active (its customer and saved method recorded). An
 *   active mandate it replaces is canceled in the same transaction and the collections not yet
 *   sent move to the new one (same amounts and dates the resident was told). A mandate the
 *   resident canceled meanwhile stays canceled.
 * - setup_failed → a pending mandate fails with the provider's reason.
 *
 * Duplicates and any order end the same: only a pending (or failed, then retried on the same
 * page) mandate changes.
 */
export async function applySetupIntentOutcome(
  tx: TDb,
  intent: Stripe.SetupIntent,
  outcome: 'succeeded' | 'failed',
): Promise<'applied' | 'no_change' | 'unmatched'> {
  const mandateId = Number(intent.metadata?.mandate_id);
  const [mandate] = await tx
    .select({
      id: mandates.id,
      accountId: mandates.accountId,
      status: mandates.status,
      customerId: mandates.providerCustomerId,
    })
    .from(mandates)
    .where(
      or(
        eq(mandates.providerSetupIntentId, intent.id),
        Number.isSafeInteger(mandateId) && mandateId > 0 ? eq(mandates.id, mandateId) : undefined,
      ),
    )
    .limit(1)
    .for('update');
  if (!mandate) return 'unmatched';

  if (outcome === 'failed') {
    if (mandate.status !== 'pending') return 'no_change';
    const error = intent.last_setup_error;
    await tx
      .update(mandates)
      .set({
        status: 'failed',
        providerSetupIntentId: intent.id,
        failureCode: error?.decline_code ?? error?.code ?? 'setup_failed',
      })
      .where(eq(mandates.id, mandate.id));
    return 'applied';
  }

  if (mandate.status !== 'pending' && mandate.status !== 'failed') return 'no_change';
  const paymentMethodId = idOf(intent.payment_method);
  if (!paymentMethodId) return 'no_change';

  // The mandate this one replaces (or any other still active) stops first: one active each.
  const replaced = await tx
    .update(mandates)
    .set({ status: 'canceled', canceledAt: new Date(), cancelReason: 'replaced' })
    .where(
      and(
        eq(mandates.accountId, mandate.accountId),
        eq(mandates.status, 'active'),
        ne(mandates.id, mandate.id),
      ),
    )
    .returning({ id: mandates.id });
  await tx
    .update(mandates)
    .set({
      status: 'active',
      activatedAt: new Date(),
      failureCode: null,
      providerSetupIntentId: intent.id,
      providerCustomerId: mandate.customerId ?? idOf(intent.customer),
      providerPaymentMethodId: paymentMethodId,
    })
    .where(eq(mandates.id, mandate.id));
  let moved = 0;
  if (replaced.length > 0) {
    const rows = await tx
      .update(collections)
      .set({ mandateId: mandate.id })
      .where(
        and(
          inArray(
            collections.mandateId,
            replaced.map((r) => r.id),
          ),
          inArray(collections.status, ['scheduled', 'notified']),
        ),
      )
      .returning({ id: collections.id });
    moved = rows.length;
  }
  await writeAudit(tx, null, {
    action: replaced.length > 0 ? 'mandate.replaced' : 'mandate.activated',
    subjectType: 'service_account',
    subjectId: mandate.accountId,
    detail: {
      mandateId: mandate.id,
      setupIntentId: intent.id,
      ...(replaced.length > 0
        ? { replaced: replaced.map((r) => r.id), movedCollections: moved }
        : {}),
    },
  });
  await notifyAccountHolders(tx, [
    {
      accountId: mandate.accountId,
      kind: 'direct_debit.active',
      title: {
        key:
          replaced.length > 0
            ? 'directDebit.notify.changed.title'
            : 'directDebit.notify.active.title',
      },
      body: { key: 'directDebit.notify.active.body' },
      link: `/accounts/${mandate.accountId}/direct-debit`,
      dedupeKey: `direct-debit:active:${mandate.id}`,
    },
  ]);
  return 'applied';
}
