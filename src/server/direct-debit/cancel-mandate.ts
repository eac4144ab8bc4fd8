import 'server-only';
import { and, eq, exists, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { linkOf } from '../accounts/link-of';
import { getDb, type TDb } from '../db';
import { collections, mandates } from '../db/schema';
import { liveMandatesOf, lockLiveMandates } from './live-mandates';
import { notifyMailQueued } from '../mail';
import { getDirectDebitProvider } from './get-direct-debit-provider';
import { notifyAccountHolders } from './notify-account-holders';

export type TCancelMandateResult =
  | {
      ok: true;
      /** Collections that will no longer happen. */
      canceledCollections: number;
      /** Attempts already with the bank: they cannot be recalled and finish as they will. */
      inFlight: number;
    }
  | { ok: false; error: 'not_found' };

/**
 * Stops direct debit for one of the actor's accounts, at once: the active and any pending
 * mandate are canceled and every collection not yet sent to the bank is canceled with them,
 * so nothing more is taken. Audited; everyone linked to the account is told. The saved method
 * is detached at the provider afterwards (a failure there changes nothing here: a canceled
 * mandate is never used again).
 */
export async function cancelMandate(input: {
  actor: TActor;
  accountId: number;
}): Promise<TCancelMandateResult> {
  const { actor } = input;
  assertCan(actor, 'manage:mandate:own');
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const live = await lockLiveMandates(
      tx as TDb,
      liveMandatesOf(input.accountId, exists(linkOf(actor.userId, mandates.accountId))),
    );
    if (live.length === 0) return null;
    return cancelMandatesInTransaction(tx as TDb, {
      actor,
      accountId: input.accountId,
      mandates: live,
      reason: 'resident',
    });
  });
  if (!outcome) return { ok: false, error: 'not_found' };
  await finishCancellation(outcome);
  return { ok: true, canceledCollections: outcome.canceled, inFlight: outcome.inFlight };
}

export type TMandateCancellation = Awaited<ReturnType<typeof cancelMandatesInTransaction>>;

/**
 * Inside an unlink: the live mandates of the account that the person leaving set up (their
 * bank account or card) are canceled with the link — nobody keeps paying for an account they
 * no longer hold. A mandate another holder set up stays. Null when there was none.
 */
export async function cancelOwnMandatesOnUnlink(
  tx: TDb,
  input: { actor: TActor; accountId: number },
): Promise<TMandateCancellation | null> {
  const live = await lockLiveMandates(
    tx,
    liveMandatesOf(input.accountId, eq(mandates.createdByUserId, input.actor.userId)),
  );
  if (live.length === 0) return null;
  return cancelMandatesInTransaction(tx, { ...input, mandates: live, reason: 'unlinked' });
}

/** After the transaction: the mail it queued goes out, the saved methods are detached. */
export async function finishCancellation(outcome: TMandateCancellation): Promise<void> {
  await notifyMailQueued(outcome.mailIds);
  for (const id of outcome.paymentMethodIds) {
    await getDirectDebitProvider()
      .detachPaymentMethod(id)
      .catch((error: unknown) =>
        console.warn(
          `[direct-debit] detaching ${id} failed; the mandate is canceled anyway`,
          error,
        ),
      );
  }
}

async function cancelMandatesInTransaction(
  tx: TDb,
  input: {
    actor: TActor;
    accountId: number;
    mandates: { id: number; status: string; paymentMethodId: string | null }[];
    reason: string;
  },
) {
  const ids = input.mandates.map((m) => m.id);
  await tx
    .update(mandates)
    .set({
      status: 'canceled',
      canceledAt: new Date(),
      canceledByUserId: input.actor.userId,
      cancelReason: input.reason,
    })
    .where(inArray(mandates.id, ids));
  const canceled = await tx
    .update(collections)
    .set({ status: 'canceled', closedReason: 'mandate_canceled', nextAttemptOn: null })
    .where(
      and(
        inArray(collections.mandateId, ids),
        inArray(collections.status, ['scheduled', 'notified']),
      ),
    )
    .returning({ id: collections.id });
  const [inFlight] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(collections)
    .where(and(inArray(collections.mandateId, ids), eq(collections.status, 'processing')));
  await writeAudit(tx, input.actor, {
    action: 'mandate.canceled',
    subjectType: 'service_account',
    subjectId: input.accountId,
    detail: { mandateIds: ids, canceledCollections: canceled.length, reason: input.reason },
  });
  const hadActive = input.mandates.some((m) => m.status === 'active');
  const mailIds = hadActive
    ? await notifyAccountHolders(tx, [
        {
          accountId: input.accountId,
          kind: 'direct_debit.canceled',
          title: { key: 'directDebit.notify.canceled.title' },
          body: { key: 'directDebit.notify.canceled.body', values: { count: canceled.length } },
          link: `/accounts/${input.accountId}/direct-debit`,
          dedupeKey: `direct-debit:canceled:${ids.join('-')}`,
        },
      ])
    : [];
  return {
    canceled: canceled.length,
    inFlight: inFlight?.count ?? 0,
    mailIds,
    paymentMethodIds: input.mandates
      .map((m) => m.paymentMethodId)
      .filter((id): id is string => Boolean(id)),
  };
}
