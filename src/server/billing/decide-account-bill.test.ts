import { describe, expect, it } from 'vitest';
import type { TTariffVersion } from '../tariffs';
import { decideAccountBill, type TAccountMonth } from './decide-account-bill';
import { describeBillingPeriod } from './describe-billing-period';

/**
 * The decision for one account's month, given what the run's batch query read (usage net of
 * earlier estimates, the estimate, the spike flag). How those are read from the readings (the
 * last three months read, the same month last year, a meter replacement's two rows summed,
 * the spike thresholds) is SQL and is tested against both databases in
 * tests/integration/billing/billing-rules.test.ts.
 */

const ELECTRICITY: TTariffVersion = {
  id: 7,
  utility: 'electricity',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  tierPeriod: 'year',
  baseHouseholdSize: 4,
  fixedMonthlyFen: 0,
  tiers: [
    { tierNo: 1, upTo: '2760', extraPerPerson: '0', unitPrice: '0.538' },
    { tierNo: 2, upTo: '4800', extraPerPerson: '0', unitPrice: '0.588' },
    { tierNo: 3, upTo: null, extraPerPerson: '0', unitPrice: '0.838' },
  ],
  surcharges: [],
};

const JANUARY = describeBillingPeriod('2025-01-01', '2025-03-15');

function month(overrides: Partial<TAccountMonth> = {}): TAccountMonth {
  return {
    accountId: 42,
    householdSize: 3,
    usage: '150',
    negative: false,
    estimatedReading: false,
    readingFrom: '1000',
    readingTo: '1150',
    estimate: '150',
    spike: false,
    historyAverage: '150',
    usedBeforeInTierPeriod: '0',
    exception: null,
    ...overrides,
  };
}

type TCase = {
  name: string;
  input: Partial<TAccountMonth>;
  tariffs?: TTariffVersion[];
  expected:
    | { kind: 'bill'; usage: string; estimated: boolean; totalFen: number; tiers?: number[] }
    | { kind: 'exception'; reason: 'negative_consumption' | 'usage_spike' | 'no_tariff' };
};

const CASES: TCase[] = [
  {
    name: 'bills a normal month as read',
    input: {},
    expected: { kind: 'bill', usage: '150', estimated: false, totalFen: 8070 },
  },
  {
    name: 'bills the estimate of a month without a reading, marked estimated',
    input: { usage: null, estimate: '200', readingFrom: null, readingTo: null },
    expected: { kind: 'bill', usage: '200', estimated: true, totalFen: 10760 },
  },
  {
    name: 'bills nothing, marked estimated, for a month without a reading or any history',
    input: { usage: null, estimate: '0', readingFrom: null, readingTo: null },
    expected: { kind: 'bill', usage: '0', estimated: true, totalFen: 0 },
  },
  {
    name: "marks the bill estimated when the meter reader's own reading was an estimate",
    input: { estimatedReading: true },
    expected: { kind: 'bill', usage: '150', estimated: true, totalFen: 8070 },
  },
  {
    name: 'bills the summed usage of a meter replacement month (no single register to show)',
    input: { usage: '150', readingFrom: null, readingTo: null },
    expected: { kind: 'bill', usage: '150', estimated: false, totalFen: 8070 },
  },
  {
    name: 'holds back a reading that went backwards',
    input: { usage: '-40', negative: true },
    expected: { kind: 'exception', reason: 'negative_consumption' },
  },
  {
    name: 'holds back a month that nets out below zero after earlier estimates',
    input: { usage: '-10', negative: true },
    expected: { kind: 'exception', reason: 'negative_consumption' },
  },
  {
    name: "holds back a month far above the household's own history",
    input: { usage: '2000', spike: true },
    expected: { kind: 'exception', reason: 'usage_spike' },
  },
  {
    name: 'bills a released spike as read',
    input: {
      usage: '2000',
      spike: true,
      exception: { id: 3, status: 'released', correctedUsage: null },
    },
    expected: { kind: 'bill', usage: '2000', estimated: false, totalFen: 107600 },
  },
  {
    name: 'bills a released backwards reading as nothing, never a negative charge',
    input: {
      usage: '-40',
      negative: true,
      exception: { id: 3, status: 'released', correctedUsage: null },
    },
    expected: { kind: 'bill', usage: '0', estimated: false, totalFen: 0 },
  },
  {
    name: 'bills a corrected month with the usage staff entered, not as an estimate',
    input: {
      usage: '-40',
      negative: true,
      estimatedReading: true,
      exception: { id: 3, status: 'corrected', correctedUsage: '120' },
    },
    expected: { kind: 'bill', usage: '120', estimated: false, totalFen: 6456 },
  },
  {
    name: "carries the year's earlier usage into the tiers: crossing 2,760 kWh gives two tier lines",
    input: { usage: '300', usedBeforeInTierPeriod: '2700' },
    expected: {
      kind: 'bill',
      usage: '300',
      estimated: false,
      totalFen: 3228 + 14112,
      tiers: [1, 2],
    },
  },
  {
    name: 'holds back every month when no tariff covers it',
    input: {},
    tariffs: [],
    expected: { kind: 'exception', reason: 'no_tariff' },
  },
  {
    name: 'holds back a month whose tariff has no tiers',
    input: {},
    tariffs: [{ ...ELECTRICITY, tiers: [] }],
    expected: { kind: 'exception', reason: 'no_tariff' },
  },
];

describe('deciding one account’s month', () => {
  it.each(CASES)('$name', ({ input, tariffs, expected }) => {
    const decision = decideAccountBill(month(input), tariffs ?? [ELECTRICITY], JANUARY);
    if (expected.kind === 'exception') {
      expect(decision).toMatchObject({ kind: 'exception', accountId: 42, reason: expected.reason });
      return;
    }
    expect(decision.kind).toBe('bill');
    if (decision.kind !== 'bill') return;
    expect(decision).toMatchObject({
      accountId: 42,
      usage: expected.usage,
      estimated: expected.estimated,
      tariffId: ELECTRICITY.id,
    });
    expect(decision.computed.totalFen).toBe(expected.totalFen);
    const lineSum = decision.computed.lines.reduce((sum, line) => sum + line.amountFen, 0);
    expect(lineSum).toBe(expected.totalFen);
    if (expected.tiers)
      expect(decision.computed.lines.map((l) => l.tierNo)).toEqual(expected.tiers);
  });

  it('tells staff why a month was held back: the usage read and the household average', () => {
    const spike = decideAccountBill(
      month({ usage: '2000', spike: true, historyAverage: '150.00' }),
      [ELECTRICITY],
      JANUARY,
    );
    expect(spike).toMatchObject({ detail: { usage: '2000', average: '150.00' } });
    const backwards = decideAccountBill(
      month({ usage: '-40', negative: true, readingFrom: '1150', readingTo: '1110' }),
      [ELECTRICITY],
      JANUARY,
    );
    expect(backwards).toMatchObject({
      detail: { usage: '-40', readingFrom: '1150', readingTo: '1110' },
    });
  });

  it('links the bill of a decided month to the exception it settles', () => {
    const decision = decideAccountBill(
      month({ exception: { id: 9, status: 'released', correctedUsage: null } }),
      [ELECTRICITY],
      JANUARY,
    );
    expect(decision).toMatchObject({ kind: 'bill', exceptionId: 9 });
  });
});
