import 'server-only';
import { and, eq, exists } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { linkOf } from '../accounts/link-of';
import { payments } from '../db/schema';
import type { TPaymentView } from './dto';
import { loadPaymentView } from './load-payment-view';

/**
 * One of the actor's payments (on an account linked to them). Null for a foreign or unknown id:
 * the page answers "not found" either way.
 */
export async function getPayment(input: {
  actor: TActor;
  paymentId: string;
}): Promise<TPaymentView | null> {
  assertCan(input.actor, 'view:account:own');
  if (!/^pay_[a-z2-7]{26}$/.test(input.paymentId)) return null;
  return loadPaymentView(
    and(eq(payments.id, input.paymentId), exists(linkOf(input.actor.userId, payments.accountId)))!,
  );
}
