import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { TDb } from '../db';
import { rowsOf } from '../db/rows-of';

/**
 * A SQL fragment selecting `(bill_id, account_id, period, due_on, currency, open_fen)` for every
 * billed bill of the given accounts, where `open_fen` is what is still owed on it by the
 * payments domain's rule (`listOpenBills` / `deriveOpenBills`): the balance (Σ ledger) covers
 * the newest bills, money having been applied to the oldest first. So a bill's open amount is
 * its total, capped by what the balance leaves after every newer bill. Zero = paid.
 *
 * The same rule as the payments domain, written as one set-based statement so a collection
 * day reads the open amounts of a whole batch of accounts at once.
 */
export function openBillAmountsSql(accountIds: readonly number[]): SQL {
  const ids = sql.param([...accountIds]);
  return sql`
    SELECT b.bill_id, b.account_id, b.period, b.due_on, b.currency,
           least(b.total, greatest(0, coalesce(bal.balance, 0) - b.newer))::int AS open_fen
      FROM (
        SELECT bl.id AS bill_id, bl.account_id, bl.period, bl.due_on, bl.currency,
               greatest(bl.total_fen, 0) AS total,
               coalesce(sum(greatest(bl.total_fen, 0)) OVER (
                 PARTITION BY bl.account_id ORDER BY bl.period DESC, bl.id DESC
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS newer
          FROM bills bl
          JOIN ledger_entries le ON le.bill_id = bl.id AND le.kind = 'bill'
         WHERE bl.account_id = ANY(${ids}::int[])
      ) b
      LEFT JOIN (
        SELECT account_id, sum(amount_fen) AS balance FROM ledger_entries
         WHERE account_id = ANY(${ids}::int[]) GROUP BY account_id
      ) bal ON bal.account_id = b.account_id
  `;
}

/** What is still owed on each of these bills of one account (分; 0 = paid), by the rule above. */
export async function openFenOfBills(
  db: TDb,
  accountId: number,
  billIds: readonly number[],
): Promise<Map<number, number>> {
  if (billIds.length === 0) return new Map();
  const rows = rowsOf<{ bill_id: number | string; open_fen: number }>(
    await db.execute(sql`
      SELECT o.bill_id, o.open_fen FROM (${openBillAmountsSql([accountId])}) o
       WHERE o.bill_id = ANY(${sql.param([...billIds])}::bigint[])
    `),
  );
  return new Map(rows.map((o) => [Number(o.bill_id), Number(o.open_fen)]));
}
