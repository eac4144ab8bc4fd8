import 'server-only';
import { todayInShanghai } from '../billing/today-in-shanghai';
import { dueOnFor } from './due-on-for';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { sql } from 'drizzle-orm';
import { readPart, type TReadPart } from '../db/read-parts';
import type { TAccountBillingSummary } from './types';

type TRow = {
  account_id: number | string;
  balance_fen: string | number | null;
  bill_id: string | number | null;
  period: string | null;
  total_fen: number | string | null;
  due_on: string | null;
  estimated: boolean | null;
  currency: string | null;
};

/**
 * For the dashboard: each of the actor's linked accounts with its balance (Σ ledger) and its
 * latest bill, in one round trip (lateral lookups on the account-keyed indexes). Ownership is
 * the join on account_links for this user.
 */
const billingSummariesQuery = () => sql`
  select al.account_id, bal.balance_fen, lb.id as bill_id, lb.period::text as period,
         lb.total_fen, lb.due_on::text as due_on, lb.estimated, lb.currency
    from account_links al
    left join lateral (
      select sum(le.amount_fen) as balance_fen from ledger_entries le
       where le.account_id = al.account_id
    ) bal on true
    left join lateral (
      select b.id, b.period, b.total_fen, b.due_on, b.estimated, b.currency from bills b
       where b.account_id = al.account_id
       order by b.period desc limit 1
    ) lb on true
   where al.user_id = ${sql.placeholder('userId')}`;

export async function listAccountBillingSummaries(input: {
  actor: TActor;
}): Promise<TAccountBillingSummary[]> {
  return readPart(accountBillingSummariesPart(input));
}

/** The same read as a part, for a page that reads several domains at once (ADR 022). */
export function accountBillingSummariesPart(input: {
  actor: TActor;
}): TReadPart<TAccountBillingSummary[], TRow> {
  assertCan(input.actor, 'view:account:own');
  return {
    // A prepared statement: the dashboard runs this on every visit.
    name: 'account-billing-summaries',
    query: billingSummariesQuery,
    values: { userId: input.actor.userId },
    decode: (rows) => {
      const today = todayInShanghai();
      return rows.map((r) => toSummary(r, today));
    },
  };
}

function toSummary(r: TRow, today: string): TAccountBillingSummary {
  const balanceFen = Number(r.balance_fen ?? 0);
  return {
    accountId: Number(r.account_id),
    balanceFen,
    currency: r.currency ?? 'CNY',
    latestBill:
      r.bill_id !== null && r.period !== null && r.total_fen !== null && r.due_on !== null
        ? {
            id: Number(r.bill_id),
            period: r.period,
            totalFen: Number(r.total_fen),
            dueOn: dueOnFor({ totalFen: Number(r.total_fen), dueOn: r.due_on }),
            estimated: r.estimated === true,
          }
        : null,
    overdue: balanceFen > 0 && r.due_on !== null && r.due_on < today,
  };
}
