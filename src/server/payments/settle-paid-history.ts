import 'server-only';
import { getDatabaseHandle } from '../db';

/**
 * For the demo city: every account that owes more than its latest bill and has never paid pays
 * off everything before that bill, so a demo resident owes one bill, not two years — and the
 * pay journey still has something to pay. Written as the payments domain writes a succeeded
 * payment (ADR 013): one `payment` row, one negative `payment` ledger entry referencing it, and
 * allocations to the oldest bills first — but set-based, in one transaction, because the demo
 * has thousands of accounts. Safe to repeat (accounts with any payment are skipped). Returns how
 * many payments it recorded.
 */
export async function settlePaidHistory(): Promise<number> {
  const handle = await getDatabaseHandle();
  const { rows } = await handle.query<{ n: number }>(
    `with owing as (
       select le.account_id, sum(le.amount_fen) as balance,
              (select b.total_fen from bills b where b.account_id = le.account_id
                order by b.period desc limit 1) as latest
         from ledger_entries le
        where not exists (select 1 from payments p where p.account_id = le.account_id)
        group by le.account_id
     ), target as (
       select account_id, (balance - coalesce(latest, 0))::int as amount,
              'pay_' || substr(translate(md5(random()::text || account_id::text), '0189', 'wxyz'), 1, 26) as id,
              md5(random()::text) || substr(md5(random()::text), 1, 8) as token,
              (array['alipay', 'wechat_pay', 'card'])[1 + account_id % 3] as method
         from owing where balance - coalesce(latest, 0) > 0
     ), paid as (
       insert into payments (id, account_id, channel, scope, amount_fen, status, receipt_token,
                             method_type, succeeded_at, created_at, updated_at)
       select id, account_id, 'checkout', 'balance', amount, 'succeeded', token, method,
              now() - interval '3 days', now() - interval '3 days', now() - interval '3 days'
         from target
       returning id, account_id, amount_fen
     ), ledger as (
       insert into ledger_entries (account_id, kind, amount_fen, reference, occurred_at)
       select account_id, 'payment', -amount_fen, id, now() - interval '3 days' from paid
       returning 1
     ), fifo as (
       select paid.id as payment_id, b.id as bill_id, b.total_fen, paid.amount_fen as amount,
              sum(b.total_fen) over (partition by b.account_id order by b.period, b.id) as cum
         from paid join bills b on b.account_id = paid.account_id
     ), allocated as (
       insert into payment_allocations (payment_id, bill_id, amount_fen)
       select payment_id, bill_id, least(total_fen, amount - (cum - total_fen))
         from fifo where amount - (cum - total_fen) > 0
       returning 1
     )
     select (select count(*) from paid)::int as n, (select count(*) from ledger) as l,
            (select count(*) from allocated) as a`,
  );
  return rows[0]?.n ?? 0;
}
