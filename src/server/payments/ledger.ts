import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TDb } from '../db';
import { prepared } from '../db/prepared';
import { bills, ledgerEntries } from '../db/schema';
import { deriveOpenBills, type TOpenBill } from './allocation';

type TReader = Pick<TDb, 'select'>;

/** What the account owes now: Σ of its ledger (negative = credit). */
export async function getAccountBalance(executor: TReader, accountId: number): Promise<number> {
  const [row] = await executor
    .select({
      balance: sql<number>`coalesce(sum(${ledgerEntries.amountFen}), 0)`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row?.balance ?? 0;
}

/** The balance, and the bills while something is owed (listOpenBills), built once. */
function openBillsQuery(executor: TReader) {
  const accountId = sql.placeholder('accountId');
  const balance = executor
    .select({ fen: sql<number>`coalesce(sum(${ledgerEntries.amountFen}), 0)`.as('fen') })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId))
    .as('balance');
  const billed = executor
    .select({ billId: bills.id, period: bills.period, totalFen: bills.totalFen })
    .from(bills)
    .innerJoin(
      ledgerEntries,
      and(
        eq(ledgerEntries.billId, bills.id),
        eq(ledgerEntries.kind, 'bill'),
        eq(ledgerEntries.accountId, accountId),
      ),
    )
    .where(eq(bills.accountId, accountId))
    .as('billed');
  return executor
    .select({
      balanceFen: sql<number>`${balance.fen}`.mapWith(Number),
      billId: billed.billId,
      period: billed.period,
      totalFen: billed.totalFen,
    })
    .from(balance)
    .leftJoin(billed, sql`${balance.fen} > 0`)
    .orderBy(asc(billed.period))
    .prepare('open-bills');
}

/**
 * The account's open bills, oldest first, each with what is still owed on it. Derived from the
 * balance (money applied to the oldest bills first), so a credit carried forward, a refund or a
 * reversal is reflected without extra bookkeeping. A bill not listed is paid — and is never
 * charged again (direct debit collects only what this returns).
 *
 * One statement, as it runs in every settling webhook (each round trip there costs a socket
 * write and a read; a profile of bench:webhooks spent a third of the server's time in them):
 * the balance, and the bills only while something is owed.
 */
export async function listOpenBills(
  executor: TReader,
  accountId: number,
): Promise<{ balanceFen: number; openBills: TOpenBill[] }> {
  const rows = await prepared(executor, 'open-bills', openBillsQuery).execute({ accountId });
  const balanceFen = rows[0]?.balanceFen ?? 0;
  if (balanceFen <= 0) return { balanceFen, openBills: [] };
  const billAmounts = rows.flatMap((r) =>
    r.billId === null || r.period === null || r.totalFen === null
      ? []
      : [{ billId: r.billId, period: r.period, totalFen: r.totalFen }],
  );
  return { balanceFen, openBills: deriveOpenBills(billAmounts, balanceFen) };
}
