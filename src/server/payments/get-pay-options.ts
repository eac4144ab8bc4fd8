import 'server-only';
import { and, eq, exists, inArray, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { linkOf } from '../accounts/link-of';
import { getDb } from '../db';
import { payments, serviceAccounts } from '../db/schema';
import { amountToSettleBalance, amountToSettleBill } from './allocation';
import { listOpenBills } from './ledger';
import { paymentMode } from './payment-settings';

/** What the pay buttons on a bill or account can offer right now. */
export type TPayOptions = {
  /** False when online payment is switched off (production without Stripe). */
  available: boolean;
  accountId: number;
  balanceDueFen: number;
  /** For a bill: what settles it (with older open bills); 0 when it is paid. */
  billDueFen: number | null;
  /** True when the bill asked about is part of what is still owed on an older bill. */
  includesOlderBills: boolean;
  /** A checkout already in flight for this account (pay buttons then lead to it). */
  openPayment: { id: string; status: 'pending' | 'processing' } | null;
  /**
   * Direct-debit money already asked of the bank and not yet confirmed (it takes days): the
   * pay buttons warn that paying as well would leave the extra as credit.
   */
  directDebitInFlightFen: number;
  currency: string;
};

/** For the actor's own account (null when it is not linked to them). */
export async function getPayOptions(input: {
  actor: TActor;
  accountId: number;
  billId?: number;
}): Promise<TPayOptions | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const [account] = await db
    .select({ id: serviceAccounts.id })
    .from(serviceAccounts)
    .where(
      and(
        eq(serviceAccounts.id, input.accountId),
        exists(linkOf(input.actor.userId, serviceAccounts.id)),
      ),
    )
    .limit(1);
  if (!account) return null;
  const { balanceFen, openBills } = await listOpenBills(db, account.id);
  const [open] = await db
    .select({ id: payments.id, status: payments.status })
    .from(payments)
    .where(
      and(
        eq(payments.accountId, account.id),
        eq(payments.channel, 'checkout'),
        inArray(payments.status, ['pending', 'processing']),
      ),
    )
    .limit(1);
  const [inFlight] = await db
    .select({ fen: sql<number>`coalesce(sum(${payments.amountFen}), 0)`.mapWith(Number) })
    .from(payments)
    .where(
      and(
        eq(payments.accountId, account.id),
        eq(payments.channel, 'direct_debit'),
        eq(payments.status, 'processing'),
      ),
    );
  const billDueFen =
    input.billId === undefined ? null : amountToSettleBill(openBills, input.billId);
  const own = openBills.find((b) => b.billId === input.billId)?.openFen ?? 0;
  return {
    available: paymentMode() !== 'off',
    accountId: account.id,
    balanceDueFen: amountToSettleBalance(balanceFen),
    billDueFen,
    includesOlderBills: billDueFen !== null && billDueFen > own,
    openPayment:
      open && (open.status === 'pending' || open.status === 'processing')
        ? { id: open.id, status: open.status }
        : null,
    directDebitInFlightFen: inFlight?.fen ?? 0,
    currency: 'CNY',
  };
}
