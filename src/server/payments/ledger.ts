import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TDb } from '../db';
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

/**
 * The account's open bills, oldest first, each with what is still owed on it. Derived from the
 * balance (money applied to the oldest bills first), so a credit carried forward, a refund or a
 * reversal is reflected without extra bookkeeping. A bill not listed is paid — and is never
 * charged again (direct debit collects only what this returns).
 */
export async function listOpenBills(
  executor: TReader,
  accountId: number,
): Promise<{ balanceFen: number; openBills: TOpenBill[] }> {
  const balanceFen = await getAccountBalance(executor, accountId);
  if (balanceFen <= 0) return { balanceFen, openBills: [] };
  const rows = await executor
    .select({ billId: bills.id, period: bills.period, totalFen: bills.totalFen })
    .from(bills)
    .innerJoin(
      ledgerEntries,
      and(eq(ledgerEntries.billId, bills.id), eq(ledgerEntries.kind, 'bill')),
    )
    .where(eq(bills.accountId, accountId))
    .orderBy(asc(bills.period));
  return { balanceFen, openBills: deriveOpenBills(rows, balanceFen) };
}
