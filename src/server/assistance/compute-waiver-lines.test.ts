import { describe, expect, it } from 'vitest';
import {
  computeBillLines,
  type TComputeBillLinesInput,
  type TTariffVersion,
} from '../tariffs/compute-bill-lines';
import {
  computeLateCreditLine,
  computeWaiverLines,
  type TWaiverRule,
} from './compute-waiver-lines';

/**
 * Water at ¥3.45 / ¥4.83 per m³ (first tier up to 180 m³ a year) with sewage treatment at
 * ¥0.95 per m³ and ¥5.00 a month fixed. Every figure below is worked by hand: a part is its
 * units × the billed line's price, rounded once half-up to the fen.
 */
function water(overrides: Partial<TTariffVersion> = {}): TTariffVersion {
  return {
    id: 1,
    utility: 'water',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    tierPeriod: 'year',
    baseHouseholdSize: 4,
    fixedMonthlyFen: 500,
    tiers: [
      { tierNo: 1, upTo: '180.00', extraPerPerson: '0.00', unitPrice: '3.4500' },
      { tierNo: 2, upTo: null, extraPerPerson: '0.00', unitPrice: '4.8300' },
    ],
    surcharges: [
      { code: 'SEWAGE', nameZh: '污水处理费', nameEn: 'Sewage treatment', unitPrice: '0.9500' },
    ],
    ...overrides,
  };
}

const DIBAO: TWaiverRule = {
  grantId: 7,
  programCode: 'DB',
  nameZh: '低保户用水用电减免',
  nameEn: 'Low-income (dibao) household allowance',
  ruleKind: 'allowance',
  allowance: '10',
  fixedSharePercent: null,
};

function june(input: Partial<TComputeBillLinesInput>) {
  return computeBillLines({
    tariffs: [water()],
    periodStart: '2025-06-01',
    periodEnd: '2025-07-01',
    usage: '12',
    usedBeforeInTierPeriod: '0',
    householdSize: 3,
    ...input,
  });
}

/** What the waiver line lists: [kind, units, price, fen] per part. */
function partsOf(values: Record<string, string | number>) {
  const out: [string | number | undefined, ...(string | number | undefined)[]][] = [];
  for (let i = 0; i < Number(values.parts); i++) {
    out.push([
      values[`part${i}Kind`],
      values[`part${i}Quantity`],
      values[`part${i}UnitPrice`],
      values[`part${i}AmountFen`],
    ]);
  }
  return out;
}

describe('computeWaiverLines: an allowance waives its units’ tier price and their surcharges', () => {
  it('waives 10 of 12 m³: 10 × ¥3.45 = ¥34.50 plus sewage 10 × ¥0.95 = ¥9.50, one line', () => {
    const bill = june({});
    // Billed: 12 × ¥3.45 = ¥41.40, sewage 12 × ¥0.95 = ¥11.40, fixed ¥5.00.
    expect(bill.totalFen).toBe(4140 + 1140 + 500);
    const lines = computeWaiverLines(DIBAO, 'water', bill.lines);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      kind: 'waiver',
      quantity: '10',
      unitPrice: null,
      amountFen: -4400,
    });
    expect(line?.explanation.key).toBe('assistance.line.allowanceParts');
    expect(line?.explanation.values).toMatchObject({
      surchargesZh: '污水处理费',
      surchargesEn: 'Sewage treatment',
      unit: 'm³',
    });
    expect(partsOf(line!.explanation.values)).toEqual([
      ['tier', '10', '3.45', -3450],
      ['surcharge', '10', '0.95', -950],
    ]);
    // Left to pay: 2 m³ at ¥3.45 + ¥0.95 and the fixed charge.
    expect(bill.totalFen + (line?.amountFen ?? 0)).toBe(690 + 190 + 500);
  });

  it('waives exactly what was billed for the units when usage is below the allowance', () => {
    // 6.5 m³: 6.5 × ¥3.45 = ¥22.425 → ¥22.43; sewage 6.5 × ¥0.95 = ¥6.175 → ¥6.18.
    const bill = june({ usage: '6.5' });
    const [line] = computeWaiverLines(DIBAO, 'water', bill.lines);
    expect(partsOf(line!.explanation.values)).toEqual([
      ['tier', '6.5', '3.45', -2243],
      ['surcharge', '6.5', '0.95', -618],
    ]);
    expect(line?.quantity).toBe('6.5');
    // Only the fixed charge is left: the waiver never exceeds what the units were billed.
    expect(bill.totalFen + (line?.amountFen ?? 0)).toBe(500);
  });

  it('never waives more than a line it covers, however the fen round (units × each line’s price)', () => {
    // 1 m³ at ¥0.014 and a ¥0.014 levy: each billed line is ¥0.014 → 1 fen. Priced as one
    // 1 m³ × ¥0.028 line it would be ¥0.028 → 3 fen and waive a fen that was never charged.
    const bill = june({
      usage: '1',
      tariffs: [
        water({
          tiers: [{ tierNo: 1, upTo: null, extraPerPerson: '0', unitPrice: '0.0140' }],
          surcharges: [{ code: 'S', nameZh: '附加费', nameEn: 'Levy', unitPrice: '0.0140' }],
          fixedMonthlyFen: 0,
        }),
      ],
    });
    expect(bill.lines.map((l) => l.amountFen)).toEqual([1, 1]);
    const [line] = computeWaiverLines(DIBAO, 'water', bill.lines);
    expect(line?.amountFen).toBe(-2);
    expect(bill.totalFen + (line?.amountFen ?? 0)).toBe(0);
  });

  it('crosses a tier boundary: 5 m³ at ¥3.45 and 5 at ¥4.83, sewage on all 10', () => {
    // 175 m³ already this year: 5 m³ left in the first tier, the other 7 in the second.
    const bill = june({ usedBeforeInTierPeriod: '175' });
    expect(bill.lines.filter((l) => l.kind === 'tier').map((l) => l.quantity)).toEqual(['5', '7']);
    const [line] = computeWaiverLines(DIBAO, 'water', bill.lines);
    // 5 × 3.45 = 17.25; 5 × 4.83 = 24.15; 10 × 0.95 = 9.50.
    expect(partsOf(line!.explanation.values)).toEqual([
      ['tier', '5', '3.45', -1725],
      ['tier', '5', '4.83', -2415],
      ['surcharge', '10', '0.95', -950],
    ]);
    expect(line?.explanation.values).toMatchObject({ part0Tier: 1, part1Tier: 2 });
    expect(line?.amountFen).toBe(-5090);
  });

  it('follows a price change inside the month: each share’s units at that share’s prices', () => {
    // From 16 June: ¥3.60 and sewage ¥1.00. 12 m³ split 15/30 and 15/30 = 6 + 6. The allowance
    // takes 6 m³ of the first share and 4 of the second, with each share's sewage on them.
    const bill = june({
      tariffs: [
        water({ effectiveTo: '2025-06-16' }),
        water({
          id: 2,
          effectiveFrom: '2025-06-16',
          tiers: [
            { tierNo: 1, upTo: '180.00', extraPerPerson: '0', unitPrice: '3.6000' },
            { tierNo: 2, upTo: null, extraPerPerson: '0', unitPrice: '4.8300' },
          ],
          surcharges: [
            {
              code: 'SEWAGE',
              nameZh: '污水处理费',
              nameEn: 'Sewage treatment',
              unitPrice: '1.0000',
            },
          ],
        }),
      ],
    });
    const [line] = computeWaiverLines(DIBAO, 'water', bill.lines);
    // 6 × 3.45 = 20.70; 6 × 0.95 = 5.70; 4 × 3.60 = 14.40; 4 × 1.00 = 4.00.
    expect(partsOf(line!.explanation.values)).toEqual([
      ['tier', '6', '3.45', -2070],
      ['surcharge', '6', '0.95', -570],
      ['tier', '4', '3.60', -1440],
      ['surcharge', '4', '1.00', -400],
    ]);
    expect(line?.amountFen).toBe(-4480);
  });

  it('keeps the one-price line when the units carry no surcharge (electricity)', () => {
    const bill = computeBillLines({
      tariffs: [
        water({
          utility: 'electricity',
          surcharges: [],
          fixedMonthlyFen: 0,
          tiers: [{ tierNo: 1, upTo: null, extraPerPerson: '0', unitPrice: '0.5380' }],
        }),
      ],
      periodStart: '2025-06-01',
      periodEnd: '2025-07-01',
      usage: '150',
      usedBeforeInTierPeriod: '0',
      householdSize: 3,
    });
    const lines = computeWaiverLines({ ...DIBAO, allowance: '15' }, 'electricity', bill.lines);
    // 15 × ¥0.538 = ¥8.07.
    expect(lines).toEqual([
      expect.objectContaining({
        quantity: '15',
        unitPrice: '0.538',
        amountFen: -807,
        explanation: expect.objectContaining({ key: 'assistance.line.allowance' }),
      }),
    ]);
  });

  it('credits a bill issued before the approval from its stored lines, surcharge included', () => {
    // As read back from bill_lines: numeric(12,2) quantities, numeric(10,4) prices.
    const stored = june({}).lines.map((l) => ({
      ...l,
      quantity: l.quantity === null ? null : Number(l.quantity).toFixed(2),
      unitPrice: l.unitPrice === null ? null : Number(l.unitPrice).toFixed(4),
    }));
    const credit = computeLateCreditLine(DIBAO, 'water', {
      id: 41,
      period: '2025-06-01',
      lines: stored,
    });
    expect(credit).toMatchObject({ kind: 'credit', amountFen: -4400 });
  });
});
