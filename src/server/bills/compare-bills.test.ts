import { describe, expect, it } from 'vitest';
import { compareBills, daysInPeriod } from './compare-bills';
import type { TBillLine, TBillWithLines } from './types';

let lineNo = 0;
function tier(tierNo: number, quantity: string, unitPrice: string, amountFen: number): TBillLine {
  return {
    lineNo: ++lineNo,
    kind: 'tier',
    tierNo,
    quantity,
    unitPrice,
    amountFen,
    explanation: null,
  };
}
function other(kind: TBillLine['kind'], amountFen: number): TBillLine {
  return {
    lineNo: ++lineNo,
    kind,
    tierNo: null,
    quantity: null,
    unitPrice: null,
    amountFen,
    explanation: null,
  };
}
function bill(
  period: string,
  usage: string,
  lines: TBillLine[],
  estimated = false,
): TBillWithLines {
  return {
    id: ++lineNo,
    period,
    usage,
    estimated,
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
    currency: 'CNY',
    issuedOn: period,
    dueOn: period,
    readingFrom: null,
    readingTo: null,
    lines,
  };
}

describe('compareBills', () => {
  it('explains a dearer July: more usage, a day more, and the step into tier 2', () => {
    const june = bill('2025-06-01', '300', [tier(1, '300', '0.5469', 16407), other('fixed', 500)]);
    const july = bill('2025-07-01', '400', [
      tier(1, '160', '0.5469', 8750),
      tier(2, '240', '0.5969', 14326),
      other('fixed', 500),
    ]);

    const comparison = compareBills(july, june);

    expect(comparison.totalChangeFen).toBe(23576 - 16907);
    expect(comparison.reasons).toEqual([
      { code: 'usage_up', before: '300', after: '400', change: '100', percent: 33 },
      { code: 'days', before: 30, after: 31 },
      { code: 'new_tier', tier: 2 },
    ]);
    expect(comparison.averagePrice).toEqual({ before: '0.564', after: '0.589' });
    expect(comparison.lineGroups.map((g) => [g.key, g.beforeFen, g.afterFen])).toEqual([
      ['tier:1', 16407, 8750],
      ['tier:2', 0, 14326],
      ['fixed', 500, 500],
    ]);
  });

  it('notices a price change, a waiver and an estimate, and says so when usage is unchanged', () => {
    const before = bill('2025-04-01', '10', [tier(1, '10', '3.45', 3450)]);
    const after = bill(
      '2025-05-01',
      '10',
      [tier(1, '10', '3.60', 3600), other('waiver', -1000)],
      true,
    );

    expect(compareBills(after, before).reasons).toEqual([
      { code: 'usage_same', usage: '10' },
      { code: 'days', before: 30, after: 31 },
      { code: 'price', tier: 1, before: '3.45', after: '3.60' },
      { code: 'reductions', beforeFen: 0, afterFen: -1000 },
      { code: 'estimated_now' },
    ]);
  });

  it('says the tiers started again in January instead of inventing a price cut', () => {
    const december = bill('2024-12-01', '500', [
      tier(2, '200', '0.5969', 11938),
      tier(3, '300', '0.8469', 25407),
    ]);
    const january = bill('2025-01-01', '450', [tier(1, '450', '0.5469', 24611)]);

    const reasons = compareBills(january, december).reasons;

    expect(reasons).toContainEqual({ code: 'left_tier', tier: 2 });
    expect(reasons).toContainEqual({ code: 'left_tier', tier: 3 });
    expect(reasons.some((r) => r.code === 'price')).toBe(false);
  });

  it('has no percentage when the month before used nothing', () => {
    const empty = bill('2025-02-01', '0', [other('fixed', 500)]);
    const used = bill('2025-03-01', '5', [tier(1, '5', '3.45', 1725), other('fixed', 500)]);
    expect(compareBills(used, empty).reasons[0]).toEqual({
      code: 'usage_up',
      before: '0',
      after: '5',
      change: '5',
      percent: null,
    });
    expect(compareBills(used, empty).averagePrice.before).toBeNull();
  });

  it('prices a unit from the charges, not from what a waiver or credit took off', () => {
    const before = bill('2025-09-01', '10', [tier(1, '10', '5.00', 5000)]);
    const waived = bill('2025-10-01', '10', [
      tier(1, '10', '5.00', 5000),
      other('waiver', -5000),
      other('credit', -5000),
    ]);
    expect(waived.totalFen).toBe(-5000);
    expect(compareBills(waived, before).averagePrice).toEqual({
      before: '5.000',
      after: '5.000',
    });
  });

  it('gives one tariff one average price, whatever the fen rounding of each bill', () => {
    // ¥0.538 a kWh: 103 kWh is ¥55.414 → ¥55.41 (0.53796…), 77 kWh is ¥41.426 → ¥41.43 (0.53805…).
    const september = bill('2026-09-01', '103', [tier(1, '103', '0.538', 5541)]);
    const october = bill('2026-10-01', '77', [tier(1, '77', '0.538', 4143)]);

    expect(compareBills(october, september).averagePrice).toEqual({
      before: '0.538',
      after: '0.538',
    });
  });
});

describe('daysInPeriod', () => {
  it.each([
    ['2024-02-01', 29],
    ['2025-02-01', 28],
    ['2025-07-01', 31],
    ['2025-11-01', 30],
  ])('%s has %i days', (period, days) => {
    expect(daysInPeriod(period)).toBe(days);
  });
});
