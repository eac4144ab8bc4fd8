import 'server-only';
import { todayInShanghai } from '../billing/today-in-shanghai';
import type { TBillPaymentState } from './types';

/**
 * Where a bill stands, from what is still owed on it (the payments domain's open amount: money
 * is applied to the oldest bills first) and the utility's date today (YYYY-MM-DD).
 * - A bill that asks for nothing (total ≤ ¥0, no due date) has nothing to pay, whatever the
 *   ledger says.
 * - Nothing left open: paid.
 * - Something open: owed, and overdue once its due date has passed (the due date is the last
 *   day to pay, so a bill due today is not late yet). `openFen` below the total means it was
 *   partly paid.
 */
export function billPaymentState(
  bill: { totalFen: number; dueOn: string | null },
  openFen: number,
  today: string = todayInShanghai(),
): TBillPaymentState {
  if (bill.totalFen <= 0 || bill.dueOn === null) return { kind: 'nothing-to-pay' };
  if (openFen <= 0) return { kind: 'paid' };
  return {
    kind: 'owed',
    openFen: Math.min(openFen, bill.totalFen),
    partlyPaid: openFen < bill.totalFen,
    overdue: bill.dueOn < today,
  };
}
