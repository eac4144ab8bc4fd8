import { describe, expect, it } from 'vitest';
import {
  allocateOldestFirst,
  amountToSettleBalance,
  amountToSettleBill,
  deriveOpenBills,
  unallocateNewestFirst,
} from './allocation';

const bills = [
  { billId: 1, period: '2026-07-01', totalFen: 3000 },
  { billId: 2, period: '2026-08-01', totalFen: 4000 },
  { billId: 3, period: '2026-09-01', totalFen: 5000 },
];

describe('deriveOpenBills', () => {
  it.each([
    [12000, [3000, 4000, 5000]],
    [9000, [4000, 5000]],
    [7000, [2000, 5000]],
    [5000, [5000]],
    [1, [1]],
    [0, []],
    [-500, []],
  ])('balance %i leaves %j open, oldest first, on the newest bills', (balance, open) => {
    expect(deriveOpenBills(bills, balance).map((b) => b.openFen)).toEqual(open);
  });

  it('never opens more than the bills add up to', () => {
    expect(deriveOpenBills(bills, 99999).reduce((s, b) => s + b.openFen, 0)).toBe(12000);
  });
});

describe('allocateOldestFirst', () => {
  const open = deriveOpenBills(bills, 12000);

  it('settles the oldest bill first', () => {
    expect(allocateOldestFirst(open, 5000)).toEqual({
      allocations: [
        { billId: 1, amountFen: 3000 },
        { billId: 2, amountFen: 2000 },
      ],
      creditFen: 0,
    });
  });

  it('pays part of a bill', () => {
    expect(allocateOldestFirst(open, 1)).toEqual({
      allocations: [{ billId: 1, amountFen: 1 }],
      creditFen: 0,
    });
  });

  it('keeps an overpayment as credit', () => {
    const result = allocateOldestFirst(open, 12500);
    expect(result.creditFen).toBe(500);
    expect(result.allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(12000);
  });

  it('with nothing open, all of it is credit', () => {
    expect(allocateOldestFirst([], 800)).toEqual({ allocations: [], creditFen: 800 });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses an amount of %s', (amount) => {
    expect(() => allocateOldestFirst(open, amount)).toThrow(RangeError);
  });
});

describe('amounts to pay', () => {
  const open = deriveOpenBills(bills, 9000); // bill 1 paid; 2 and 3 open

  it('a paid bill costs nothing', () => {
    expect(amountToSettleBill(open, 1)).toBe(0);
  });

  it('a bill includes every older open bill', () => {
    expect(amountToSettleBill(open, 2)).toBe(4000);
    expect(amountToSettleBill(open, 3)).toBe(9000);
  });

  it('the balance is the balance when owed, else nothing', () => {
    expect(amountToSettleBalance(9000)).toBe(9000);
    expect(amountToSettleBalance(-200)).toBe(0);
  });
});

describe('unallocateNewestFirst', () => {
  it('re-opens the newest bills a refunded payment covered', () => {
    const paid = [
      { billId: 1, period: '2026-07-01', amountFen: 3000 },
      { billId: 2, period: '2026-08-01', amountFen: 4000 },
    ];
    expect(unallocateNewestFirst(paid, 5000)).toEqual([
      { billId: 2, amountFen: -4000 },
      { billId: 1, amountFen: -1000 },
    ]);
  });
});
