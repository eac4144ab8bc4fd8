/**
 * Pure ledger arithmetic, shared by the payments domain and its tests (no database, no
 * server-only import so unit tests load it directly).
 */

export type TBillAmount = { billId: number; period: string; totalFen: number };
export type TOpenBill = TBillAmount & { openFen: number };

/**
 * Which bills are still open, given the balance (Σ ledger). Everything paid or credited is
 * applied to the oldest bills first, so what is still owed sits on the newest ones: walk from
 * the newest bill back, giving each as much of the balance as its total until the balance is
 * used up. A balance of zero or less (credit) leaves no bill open. Returns oldest first.
 */
export function deriveOpenBills(bills: readonly TBillAmount[], balanceFen: number): TOpenBill[] {
  const newestFirst = [...bills].sort((a, b) =>
    a.period === b.period ? b.billId - a.billId : a.period < b.period ? 1 : -1,
  );
  let remaining = Math.max(0, balanceFen);
  const open: TOpenBill[] = [];
  for (const bill of newestFirst) {
    if (remaining <= 0) break;
    const openFen = Math.min(Math.max(bill.totalFen, 0), remaining);
    if (openFen > 0) open.push({ ...bill, openFen });
    remaining -= openFen;
  }
  return open.reverse();
}

export type TAllocation = { billId: number; amountFen: number };

/**
 * Spreads a payment over open bills, oldest first. What is left after the last open bill is
 * credit (it stays on the ledger as a negative balance and settles the next bill).
 */
export function allocateOldestFirst(
  openBills: readonly TOpenBill[],
  amountFen: number,
): { allocations: TAllocation[]; creditFen: number } {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw new RangeError(`payment amount must be a positive integer of fen, got ${amountFen}`);
  }
  const oldestFirst = [...openBills].sort((a, b) =>
    a.period === b.period ? a.billId - b.billId : a.period < b.period ? -1 : 1,
  );
  let remaining = amountFen;
  const allocations: TAllocation[] = [];
  for (const bill of oldestFirst) {
    if (remaining === 0) break;
    const amount = Math.min(bill.openFen, remaining);
    if (amount > 0) allocations.push({ billId: bill.billId, amountFen: amount });
    remaining -= amount;
  }
  return { allocations, creditFen: remaining };
}

/**
 * What "pay this bill" charges: the bill's own open amount plus every older open bill, because
 * money is always applied to the oldest bill first. Zero when the bill is already paid.
 */
export function amountToSettleBill(openBills: readonly TOpenBill[], billId: number): number {
  const target = openBills.find((b) => b.billId === billId);
  if (!target) return 0;
  return openBills
    .filter(
      (b) => b.period < target.period || (b.period === target.period && b.billId <= target.billId),
    )
    .reduce((sum, b) => sum + b.openFen, 0);
}

/** What "pay the whole balance" charges: the balance when positive, else nothing. */
export function amountToSettleBalance(balanceFen: number): number {
  return Math.max(0, balanceFen);
}

/**
 * The bills a refund re-opens, newest first: a refund gives money back, so the newest bills
 * that payment covered are owed again. Negative allocations mirror the payment's own.
 */
export function unallocateNewestFirst(
  paidAllocations: readonly (TAllocation & { period: string })[],
  refundFen: number,
): TAllocation[] {
  const newestFirst = [...paidAllocations].sort((a, b) =>
    a.period === b.period ? b.billId - a.billId : a.period < b.period ? 1 : -1,
  );
  let remaining = refundFen;
  const out: TAllocation[] = [];
  for (const allocation of newestFirst) {
    if (remaining <= 0) break;
    const amount = Math.min(allocation.amountFen, remaining);
    if (amount > 0) out.push({ billId: allocation.billId, amountFen: -amount });
    remaining -= amount;
  }
  return out;
}
