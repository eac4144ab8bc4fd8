import 'server-only';
import { and, eq, exists, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { linkOf } from '../accounts/link-of';
import { getDb } from '../db';
import { prepared } from '../db/prepared';
import { serviceAccounts } from '../db/schema';
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
  /** For a bill: what is still owed on that bill alone; 0 when it is paid. */
  billOpenFen: number | null;
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
  // One prepared statement for the account check and the payments in flight, as the bill page
  // asks on every view. The outer column is written out in full in the sub-selects: drizzle
  // drops table names in a one-table select.
  const [account] = await prepared(db, 'pay-options', (db) =>
    db
      .select({
        id: serviceAccounts.id,
        openPayment: sql<{ id: string; status: string } | null>`(
          select json_build_object('id', p.id, 'status', p.status) from payments p
           where p.account_id = "service_accounts"."id" and p.channel = 'checkout'
             and p.status in ('pending', 'processing')
           limit 1)`,
        directDebitInFlightFen: sql<number>`(
          select coalesce(sum(p.amount_fen), 0) from payments p
           where p.account_id = "service_accounts"."id" and p.channel = 'direct_debit'
             and p.status = 'processing')`.mapWith(Number),
      })
      .from(serviceAccounts)
      .where(
        and(
          eq(serviceAccounts.id, sql.placeholder('accountId')),
          exists(linkOf(sql.placeholder('userId'), serviceAccounts.id)),
        ),
      )
      .limit(1)
      .prepare('pay-options'),
  ).execute({ accountId: input.accountId, userId: input.actor.userId });
  if (!account) return null;
  const { balanceFen, openBills } = await listOpenBills(db, account.id);
  const open = account.openPayment;
  const billDueFen =
    input.billId === undefined ? null : amountToSettleBill(openBills, input.billId);
  const own = openBills.find((b) => b.billId === input.billId)?.openFen ?? 0;
  return {
    available: paymentMode() !== 'off',
    accountId: account.id,
    balanceDueFen: amountToSettleBalance(balanceFen),
    billDueFen,
    billOpenFen: input.billId === undefined ? null : own,
    includesOlderBills: billDueFen !== null && billDueFen > own,
    openPayment:
      open?.status === 'pending' || open?.status === 'processing'
        ? { id: open.id, status: open.status }
        : null,
    directDebitInFlightFen: account.directDebitInFlightFen,
    currency: 'CNY',
  };
}
