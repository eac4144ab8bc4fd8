import 'server-only';
import { and, desc, eq, exists, lt, or } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { linkOf } from '../accounts/link-of';
import { getDb } from '../db';
import { payments, serviceAccounts } from '../db/schema';
import type { TPaymentListItem } from './dto';

const PAGE_SIZE = 20;

/**
 * The payment history of one of the actor's accounts, newest first (20 a page). Null when the
 * account is not linked to the actor. Checkouts the payer never finished (canceled with no
 * money moved) are left out.
 */
export async function listAccountPayments(input: {
  actor: TActor;
  accountId: number;
  before?: Date;
}): Promise<{
  account: { id: number; accountNumber: string };
  payments: TPaymentListItem[];
  olderBefore: string | null;
} | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const [account] = await db
    .select({ id: serviceAccounts.id, accountNumber: serviceAccounts.accountNumber })
    .from(serviceAccounts)
    .where(
      and(
        eq(serviceAccounts.id, input.accountId),
        exists(linkOf(input.actor.userId, serviceAccounts.id)),
      ),
    )
    .limit(1);
  if (!account) return null;
  const rows = await db
    .select({
      id: payments.id,
      status: payments.status,
      channel: payments.channel,
      amountFen: payments.amountFen,
      refundedFen: payments.refundedFen,
      currency: payments.currency,
      methodType: payments.methodType,
      createdAt: payments.createdAt,
      succeededAt: payments.succeededAt,
    })
    .from(payments)
    .where(
      and(
        eq(payments.accountId, account.id),
        or(
          eq(payments.status, 'succeeded'),
          eq(payments.status, 'partially_refunded'),
          eq(payments.status, 'refunded'),
          eq(payments.status, 'processing'),
          eq(payments.status, 'pending'),
          eq(payments.status, 'failed'),
        ),
        input.before ? lt(payments.createdAt, input.before) : undefined,
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    account,
    payments: page,
    olderBefore: rows.length > PAGE_SIZE && last ? last.createdAt.toISOString() : null,
  };
}
