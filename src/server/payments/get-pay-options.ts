import 'server-only';
import { sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { readPart, type TReadPart } from '../db/read-parts';
import { amountToSettleBalance, amountToSettleBill, deriveOpenBills } from './allocation';
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

type TRow = {
  id: number;
  open_payment: { id: string; status: string } | null;
  /** bigint sums: text from the driver, numbers when read together with other parts (JSON). */
  direct_debit_in_flight_fen: number | string;
  balance_fen: number | string;
  /** The account's billed bills while something is owed (else empty), oldest first. */
  billed: { billId: number; period: string; totalFen: number }[] | string | null;
};

/**
 * The account (given, or the one a bill is on) if the `userId` placeholder holds it, with the
 * checkout in flight, the direct-debit money not yet confirmed, the balance (Σ ledger) and,
 * while something is owed, its billed bills — the inputs of `deriveOpenBills` (./ledger.ts's
 * `listOpenBills` reads the same). One statement, as the bill page asks on every view.
 */
const payOptionsQuery = () => sql`
  select sa.id,
         (select json_build_object('id', p.id, 'status', p.status) from payments p
           where p.account_id = sa.id and p.channel = 'checkout'
             and p.status in ('pending', 'processing')
           limit 1) as open_payment,
         (select coalesce(sum(p.amount_fen), 0) from payments p
           where p.account_id = sa.id and p.channel = 'direct_debit'
             and p.status = 'processing') as direct_debit_in_flight_fen,
         bal.fen as balance_fen,
         case when bal.fen > 0 then (
           select coalesce(json_agg(json_build_object('billId', b.id, 'period', b.period::text,
                                                      'totalFen', b.total_fen)
                                    order by b.period), '[]'::json)
             from bills b
             join ledger_entries le
               on le.bill_id = b.id and le.kind = 'bill' and le.account_id = sa.id
            where b.account_id = sa.id)
         else '[]'::json end as billed
    from service_accounts sa
    cross join lateral (
      select coalesce(sum(le.amount_fen), 0) as fen from ledger_entries le
       where le.account_id = sa.id
    ) bal
   where sa.id = coalesce(${sql.placeholder('accountId')}::int,
                          (select b.account_id from bills b
                            where b.id = ${sql.placeholder('billId')}::bigint))
     and exists (select 1 from account_links l
                  where l.account_id = sa.id and l.user_id = ${sql.placeholder('userId')})
   limit 1`;

/** For the actor's own account (null when it is not linked to them). */
export async function getPayOptions(input: {
  actor: TActor;
  accountId: number;
  billId?: number;
}): Promise<TPayOptions | null> {
  return readPart(payOptionsPart(input));
}

/**
 * The same as a part (ADR 022). Without `accountId`, for the account the bill `billId` is on: the
 * bill page reads it in one statement with the bill.
 */
export function payOptionsPart(input: {
  actor: TActor;
  accountId?: number;
  billId?: number;
}): TReadPart<TPayOptions | null, TRow> {
  assertCan(input.actor, 'view:account:own');
  return {
    name: 'pay-options',
    query: payOptionsQuery,
    values: {
      accountId: input.accountId ?? null,
      billId: input.billId ?? null,
      userId: input.actor.userId,
    },
    decode: (rows) => (rows[0] ? toPayOptions(rows[0], input.billId) : null),
  };
}

function toPayOptions(account: TRow, billId: number | undefined): TPayOptions {
  const balanceFen = Number(account.balance_fen);
  const billed =
    typeof account.billed === 'string'
      ? (JSON.parse(account.billed) as Exclude<TRow['billed'], string>)
      : account.billed;
  const openBills =
    balanceFen > 0
      ? deriveOpenBills(
          (billed ?? []).map((b) => ({
            billId: Number(b.billId),
            period: b.period,
            totalFen: Number(b.totalFen),
          })),
          balanceFen,
        )
      : [];
  const open = account.open_payment;
  const billDueFen = billId === undefined ? null : amountToSettleBill(openBills, billId);
  const own = openBills.find((b) => b.billId === billId)?.openFen ?? 0;
  return {
    available: paymentMode() !== 'off',
    accountId: Number(account.id),
    balanceDueFen: amountToSettleBalance(balanceFen),
    billDueFen,
    billOpenFen: billId === undefined ? null : own,
    includesOlderBills: billDueFen !== null && billDueFen > own,
    openPayment:
      open?.status === 'pending' || open?.status === 'processing'
        ? { id: open.id, status: open.status }
        : null,
    directDebitInFlightFen: Number(account.direct_debit_in_flight_fen),
    currency: 'CNY',
  };
}
