import 'server-only';
import { todayInShanghai } from '../billing/today-in-shanghai';
import { dueOnFor } from './due-on-for';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getDatabaseHandle } from '../db';
import type { TAccountBillingSummary } from './types';

type TRow = {
  account_id: number;
  balance_fen: string | number | null;
  bill_id: string | number | null;
  period: string | null;
  total_fen: number | null;
  due_on: string | null;
  estimated: boolean | null;
  currency: string | null;
};

/**
 * For the dashboard: each of the actor's linked accounts with its balance (Σ ledger) and its
 * latest bill, in one round trip (lateral lookups on the account-keyed indexes). Ownership is
 * the join on account_links for this user.
 */
const BILLING_SUMMARIES_SQL = `
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
   where al.user_id = $1`;

export async function listAccountBillingSummaries(input: {
  actor: TActor;
}): Promise<TAccountBillingSummary[]> {
  assertCan(input.actor, 'view:account:own');
  const handle = await getDatabaseHandle();
  // A prepared statement: the dashboard runs this on every visit.
  const result = await handle.query<TRow>(BILLING_SUMMARIES_SQL, [input.actor.userId], {
    name: 'account-billing-summaries',
  });
  const today = todayInShanghai();
  return result.rows.map((r) => {
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
  });
}
