import { describe, expect, it } from 'vitest';
import {
  computeBillLines,
  TariffComputationError,
  tierBounds,
  type TComputeBillLinesInput,
  type TTariffVersion,
} from './compute-bill-lines';

/** The demo electricity tariff: 2,760 / 4,800 kWh a year at ¥0.538 / ¥0.588 / ¥0.838. */
function electricity(overrides: Partial<TTariffVersion> = {}): TTariffVersion {
  return {
    id: 1,
    utility: 'electricity',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    tierPeriod: 'year',
    baseHouseholdSize: 4,
    fixedMonthlyFen: 0,
    tiers: [
      { tierNo: 1, upTo: '2760', extraPerPerson: '100', unitPrice: '0.538' },
      { tierNo: 2, upTo: '4800', extraPerPerson: '100', unitPrice: '0.588' },
      { tierNo: 3, upTo: null, extraPerPerson: '0', unitPrice: '0.838' },
    ],
    surcharges: [],
    ...overrides,
  };
}

/** Water: 180 / 260 m³ a year at ¥5 / ¥7 / ¥9, sewage ¥1.36 per m³, ¥5 a month fixed. */
function water(overrides: Partial<TTariffVersion> = {}): TTariffVersion {
  return {
    id: 2,
    utility: 'water',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    tierPeriod: 'year',
    baseHouseholdSize: 4,
    fixedMonthlyFen: 500,
    tiers: [
      { tierNo: 1, upTo: '180.00', extraPerPerson: '0.00', unitPrice: '5.0000' },
      { tierNo: 2, upTo: '260.00', extraPerPerson: '0.00', unitPrice: '7.0000' },
      { tierNo: 3, upTo: null, extraPerPerson: '0.00', unitPrice: '9.0000' },
    ],
    surcharges: [
      { code: 'SEWAGE', nameZh: '污水处理费', nameEn: 'Sewage treatment', unitPrice: '1.3600' },
    ],
    ...overrides,
  };
}

function june(input: Partial<TComputeBillLinesInput>): TComputeBillLinesInput {
  return {
    tariffs: [electricity()],
    periodStart: '2024-06-01',
    periodEnd: '2024-07-01',
    usage: '150',
    usedBeforeInTierPeriod: '0',
    householdSize: 3,
    ...input,
  };
}

/** [tierNo, quantity, unitPrice, amountFen] of each tier line. */
function tierRows(result: ReturnType<typeof computeBillLines>) {
  return result.lines
    .filter((line) => line.kind === 'tier')
    .map((line) => [line.tierNo, line.quantity, line.unitPrice, line.amountFen]);
}

describe('computeBillLines: tiers on the cumulative yearly scale', () => {
  it.each([
    {
      name: '150 kWh early in the year stay in tier 1: 150 × ¥0.538 = ¥80.70',
      usedBefore: '0',
      usage: '150',
      rows: [[1, '150', '0.538', 8070]],
      totalFen: 8070,
      crossed: [],
    },
    {
      name: '150 kWh after 2,700 cross 2,760: 60 × ¥0.538 = ¥32.28 and 90 × ¥0.588 = ¥52.92',
      usedBefore: '2700',
      usage: '150',
      rows: [
        [1, '60', '0.538', 3228],
        [2, '90', '0.588', 5292],
      ],
      totalFen: 8520,
      crossed: [2],
    },
    {
      name: '2,200 kWh after 2,700 cross both bounds: 60 + 2,040 + 100 kWh',
      usedBefore: '2700',
      usage: '2200',
      rows: [
        [1, '60', '0.538', 3228],
        [2, '2040', '0.588', 119952], // 2,040 × 0.588 = 1,199.52
        [3, '100', '0.838', 8380],
      ],
      totalFen: 131560,
      crossed: [2, 3],
    },
    {
      name: 'usage ending exactly on 2,760 stays in tier 1',
      usedBefore: '2660',
      usage: '100',
      rows: [[1, '100', '0.538', 5380]],
      totalFen: 5380,
      crossed: [],
    },
    {
      name: 'usage starting exactly on 2,760 is all tier 2 and crosses nothing',
      usedBefore: '2760',
      usage: '10',
      rows: [[2, '10', '0.588', 588]],
      totalFen: 588,
      crossed: [],
    },
    {
      name: 'a household already past 4,800 pays tier 3 only: 100 × ¥0.838 = ¥83.80',
      usedBefore: '5000',
      usage: '100',
      rows: [[3, '100', '0.838', 8380]],
      totalFen: 8380,
      crossed: [],
    },
    {
      name: 'fractional readings keep their decimals: 12.34 kWh × ¥0.538 = ¥6.638… → ¥6.64',
      usedBefore: '0',
      usage: '12.34',
      rows: [[1, '12.34', '0.538', 664]],
      totalFen: 664,
      crossed: [],
    },
  ])('$name', ({ usedBefore, usage, rows, totalFen, crossed }) => {
    const result = computeBillLines(june({ usedBeforeInTierPeriod: usedBefore, usage }));
    expect(tierRows(result)).toEqual(rows);
    expect(result.totalFen).toBe(totalFen);
    expect(result.tiersCrossed).toEqual(crossed);
  });

  it('explains each tier line with raw values for the bill page to format', () => {
    const result = computeBillLines(june({ usedBeforeInTierPeriod: '2700' }));
    expect(result.lines[0]?.explanation).toEqual({
      key: 'bills.line.tier',
      values: { tier: 1, quantity: '60', unit: 'kWh', unitPrice: '0.538', amountFen: 3228 },
    });
  });

  it('reads prices as stored in the database (numeric(10,4)) without trailing zeros', () => {
    const stored = electricity({
      tiers: [{ tierNo: 1, upTo: null, extraPerPerson: '0.00', unitPrice: '0.5380' }],
    });
    const result = computeBillLines(june({ tariffs: [stored] }));
    expect(tierRows(result)).toEqual([[1, '150', '0.538', 8070]]);
  });

  it('bills no usage as no tier lines at all', () => {
    const result = computeBillLines(june({ usage: '0' }));
    expect(result.lines).toEqual([]);
    expect(result.totalFen).toBe(0);
  });
});

describe('tierBounds: household-size adjustment', () => {
  it('leaves the bounds alone for a household at or below the base size', () => {
    expect(tierBounds(electricity(), 4)).toEqual([
      { tierNo: 1, from: '0', upTo: '2760', unitPrice: '0.538' },
      { tierNo: 2, from: '2760', upTo: '4800', unitPrice: '0.588' },
      { tierNo: 3, from: '4800', upTo: null, unitPrice: '0.838' },
    ]);
    expect(tierBounds(electricity(), 1)).toEqual(tierBounds(electricity(), 4));
  });

  it('gives a 6-person household 2 × 100 kWh more in each bounded tier: 2,960 / 5,000', () => {
    expect(tierBounds(electricity(), 6)).toEqual([
      { tierNo: 1, from: '0', upTo: '2960', unitPrice: '0.538' },
      { tierNo: 2, from: '2960', upTo: '5000', unitPrice: '0.588' },
      { tierNo: 3, from: '5000', upTo: null, unitPrice: '0.838' },
    ]);
  });

  it('bills a 6-person household at 2,900 + 150 kWh like a 4-person one at 2,700 + 150', () => {
    const result = computeBillLines(june({ householdSize: 6, usedBeforeInTierPeriod: '2900' }));
    expect(tierRows(result)).toEqual([
      [1, '60', '0.538', 3228],
      [2, '90', '0.588', 5292],
    ]);
    expect(result.tiersCrossed).toEqual([2]);
  });

  it('lets each tier grow by its own allowance (+50 on tier 1, +150 on tier 2 for one extra person)', () => {
    const tariff = electricity({
      tiers: [
        { tierNo: 1, upTo: '2760', extraPerPerson: '50', unitPrice: '0.538' },
        { tierNo: 2, upTo: '4800', extraPerPerson: '150', unitPrice: '0.588' },
        { tierNo: 3, upTo: null, extraPerPerson: '0', unitPrice: '0.838' },
      ],
    });
    expect(tierBounds(tariff, 5).map((b) => [b.from, b.upTo])).toEqual([
      ['0', '2810'],
      ['2810', '4950'],
      ['4950', null],
    ]);
  });

  it('treats the last tier as open-ended even if it was given a bound', () => {
    const tariff = electricity({
      tiers: [
        { tierNo: 1, upTo: '100', extraPerPerson: '0', unitPrice: '0.5' },
        { tierNo: 2, upTo: '200', extraPerPerson: '0', unitPrice: '0.6' },
      ],
    });
    expect(tierBounds(tariff, 4).at(-1)).toEqual({
      tierNo: 2,
      from: '100',
      upTo: null,
      unitPrice: '0.60',
    });
  });
});

describe('computeBillLines: a price change inside the period', () => {
  const before = electricity({ id: 1, effectiveTo: '2024-06-16' });
  const after = electricity({
    id: 2,
    effectiveFrom: '2024-06-16',
    tiers: [
      { tierNo: 1, upTo: '2760', extraPerPerson: '100', unitPrice: '0.560' },
      { tierNo: 2, upTo: '4800', extraPerPerson: '100', unitPrice: '0.620' },
      { tierNo: 3, upTo: null, extraPerPerson: '0', unitPrice: '0.900' },
    ],
  });

  it('splits 150 kWh on the 16th of a 30-day month 15/30 : 15/30 — 75 × ¥0.538 + 75 × ¥0.56', () => {
    const result = computeBillLines(june({ tariffs: [after, before] }));
    expect(tierRows(result)).toEqual([
      [1, '75', '0.538', 4035], // 40.35
      [1, '75', '0.56', 4200], // 42.00
    ]);
    expect(result.totalFen).toBe(8235);
    expect(result.lines.map((l) => l.explanation)).toEqual([
      {
        key: 'bills.line.tierPart',
        values: {
          tier: 1,
          quantity: '75',
          unit: 'kWh',
          unitPrice: '0.538',
          amountFen: 4035,
          from: '2024-06-01',
          to: '2024-06-15',
        },
      },
      {
        key: 'bills.line.tierPart',
        values: {
          tier: 1,
          quantity: '75',
          unit: 'kWh',
          unitPrice: '0.56',
          amountFen: 4200,
          from: '2024-06-16',
          to: '2024-06-30',
        },
      },
    ]);
  });

  it('continues the cumulative scale across the change: 2,700 → 2,775 on the old, → 2,850 on the new', () => {
    const result = computeBillLines(
      june({ tariffs: [before, after], usedBeforeInTierPeriod: '2700' }),
    );
    expect(tierRows(result)).toEqual([
      [1, '60', '0.538', 3228],
      [2, '15', '0.588', 882], // 8.82
      [2, '75', '0.62', 4650], // 46.50
    ]);
    expect(result.totalFen).toBe(8760);
    expect(result.tiersCrossed).toEqual([2]);
  });

  it('rounds an uneven split to the hundredth and gives the remainder to the last share (10/31 : 21/31)', () => {
    const july = [
      electricity({ id: 1, effectiveTo: '2024-07-11' }),
      electricity({
        id: 2,
        effectiveFrom: '2024-07-11',
        tiers: [{ tierNo: 1, upTo: null, extraPerPerson: '0', unitPrice: '0.6' }],
      }),
    ];
    const result = computeBillLines(
      june({ tariffs: july, periodStart: '2024-07-01', periodEnd: '2024-08-01', usage: '100' }),
    );
    // 100 × 10/31 = 32.258… → 32.26 kWh; 100 − 32.26 = 67.74 kWh
    expect(tierRows(result)).toEqual([
      [1, '32.26', '0.538', 1736], // 17.35588 → 17.36
      [1, '67.74', '0.60', 4064], // 40.644 → 40.64
    ]);
  });

  it('prorates a changed fixed charge by days: ¥5 for 15 days and ¥8 for 15 days = ¥2.50 + ¥4.00', () => {
    const result = computeBillLines(
      june({
        tariffs: [
          { ...before, fixedMonthlyFen: 500 },
          { ...after, fixedMonthlyFen: 800 },
        ],
      }),
    );
    const fixed = result.lines.filter((l) => l.kind === 'fixed');
    expect(fixed.map((l) => l.amountFen)).toEqual([250, 400]);
    expect(fixed[0]?.explanation).toEqual({
      key: 'bills.line.fixed',
      values: { amountFen: 250, from: '2024-06-01', to: '2024-06-15', days: 15 },
    });
  });

  it('keeps one whole fixed line when the fixed charge did not change', () => {
    const result = computeBillLines(
      june({
        tariffs: [
          { ...before, fixedMonthlyFen: 500 },
          { ...after, fixedMonthlyFen: 500 },
        ],
      }),
    );
    expect(result.lines.filter((l) => l.kind === 'fixed').map((l) => l.explanation)).toEqual([
      { key: 'bills.line.fixed', values: { amountFen: 500 } },
    ]);
  });

  it('ignores versions that end before or start after the period', () => {
    const old = electricity({
      id: 9,
      effectiveFrom: '2023-01-01',
      effectiveTo: '2024-01-01',
      tiers: [{ tierNo: 1, upTo: null, extraPerPerson: '0', unitPrice: '9' }],
    });
    const result = computeBillLines(
      june({ tariffs: [old, electricity({ effectiveTo: '2024-07-01' })] }),
    );
    expect(result.totalFen).toBe(8070);
  });
});

describe('computeBillLines: fixed charges and surcharges', () => {
  it('bills water with tiers, sewage per m³ and the monthly fixed charge', () => {
    // 170 m³ used before; 15 m³ now: 10 × ¥5 + 5 × ¥7 + 15 × ¥1.36 + ¥5
    const result = computeBillLines(
      june({ tariffs: [water()], usage: '15', usedBeforeInTierPeriod: '170' }),
    );
    expect(
      result.lines.map((l) => [l.kind, l.tierNo, l.quantity, l.unitPrice, l.amountFen]),
    ).toEqual([
      ['tier', 1, '10', '5.00', 5000],
      ['tier', 2, '5', '7.00', 3500],
      ['surcharge', null, '15', '1.36', 2040],
      ['fixed', null, null, null, 500],
    ]);
    expect(result.totalFen).toBe(11040);
    expect(result.lines[2]?.explanation).toEqual({
      key: 'bills.line.surcharge',
      values: {
        nameZh: '污水处理费',
        nameEn: 'Sewage treatment',
        quantity: '15',
        unit: 'm³',
        unitPrice: '1.36',
        amountFen: 2040,
      },
    });
  });

  it('still bills the fixed charge for a month with no usage', () => {
    const result = computeBillLines(june({ tariffs: [water()], usage: '0' }));
    expect(result.lines.map((l) => [l.kind, l.amountFen])).toEqual([['fixed', 500]]);
    expect(result.totalFen).toBe(500);
  });
});

describe('computeBillLines: rounding half-up once per line', () => {
  it.each([
    {
      usage: '12.5',
      fen: 673,
      why: '12.5 × 0.538 = 6.725 yuan = 672.5 fen → 673 (not 672 as half-even would)',
    },
    { usage: '0.25', fen: 13, why: '0.25 × 0.538 = 0.1345 yuan = 13.45 fen → 13' },
    { usage: '10.25', fen: 551, why: '10.25 × 0.538 = 5.5145 yuan = 551.45 fen → 551' },
    { usage: '0.01', fen: 1, why: '0.01 × 0.538 = 0.538 fen → 1' },
    { usage: '0.009', fen: 0, why: '0.009 × 0.538 = 0.4842 fen → 0' },
  ])('$why', ({ usage, fen }) => {
    expect(computeBillLines(june({ usage })).totalFen).toBe(fen);
  });

  it('rounds each line, then adds: two half-fen lines make 2 fen, not round(1 fen)', () => {
    const halfFen = electricity({
      tiers: [
        { tierNo: 1, upTo: '1', extraPerPerson: '0', unitPrice: '0.005' },
        { tierNo: 2, upTo: null, extraPerPerson: '0', unitPrice: '0.005' },
      ],
    });
    const result = computeBillLines(june({ tariffs: [halfFen], usage: '2' }));
    expect(result.lines.map((l) => l.amountFen)).toEqual([1, 1]);
    expect(result.totalFen).toBe(2);
  });

  it('always totals the sum of its lines', () => {
    const result = computeBillLines(
      june({
        tariffs: [water()],
        usage: '33.33',
        usedBeforeInTierPeriod: '170.5',
        householdSize: 7,
      }),
    );
    expect(result.totalFen).toBe(result.lines.reduce((sum, l) => sum + l.amountFen, 0));
  });
});

describe('computeBillLines: bad input gets a typed error', () => {
  it.each([
    {
      name: 'a tariff without tiers',
      input: june({ tariffs: [electricity({ tiers: [] })] }),
      code: 'tariff.no_tiers',
    },
    { name: 'no tariff at all', input: june({ tariffs: [] }), code: 'tariff.not_covering_period' },
    {
      name: 'a tariff starting in the middle of the period',
      input: june({ tariffs: [electricity({ effectiveFrom: '2024-06-10' })] }),
      code: 'tariff.not_covering_period',
    },
    {
      name: 'a gap between two versions',
      input: june({
        tariffs: [
          electricity({ effectiveTo: '2024-06-10' }),
          electricity({ effectiveFrom: '2024-06-12' }),
        ],
      }),
      code: 'tariff.not_covering_period',
    },
    { name: 'negative usage', input: june({ usage: '-5' }), code: 'tariff.bad_input' },
    { name: 'usage that is not a number', input: june({ usage: 'abc' }), code: 'tariff.bad_input' },
    { name: 'an empty period', input: june({ periodEnd: '2024-06-01' }), code: 'tariff.bad_input' },
  ])('refuses $name with $code', ({ input, code }) => {
    expect(() => computeBillLines(input)).toThrow(TariffComputationError);
    try {
      computeBillLines(input);
    } catch (error) {
      expect(error).toBeInstanceOf(TariffComputationError);
      expect((error as TariffComputationError).code).toBe(code);
    }
  });
});
