import { describe, expect, it } from 'vitest';
import type { TTariffVersion } from '../tariffs/compute-bill-lines';
import { tierPeriodAround, tierProgress } from './tier-progress';

const electricity: TTariffVersion = {
  id: 1,
  utility: 'electricity',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  tierPeriod: 'year',
  baseHouseholdSize: 4,
  fixedMonthlyFen: 0,
  tiers: [
    { tierNo: 1, upTo: '2760', extraPerPerson: '0', unitPrice: '0.5380' },
    { tierNo: 2, upTo: '4800', extraPerPerson: '0', unitPrice: '0.5880' },
    { tierNo: 3, upTo: null, extraPerPerson: '0', unitPrice: '0.8380' },
  ],
  surcharges: [],
};

const water: TTariffVersion = {
  ...electricity,
  id: 2,
  utility: 'water',
  tierPeriod: 'month',
  tiers: [
    { tierNo: 1, upTo: '15', extraPerPerson: '3', unitPrice: '5.00' },
    { tierNo: 2, upTo: '22', extraPerPerson: '4', unitPrice: '7.00' },
    { tierNo: 3, upTo: null, extraPerPerson: '0', unitPrice: '9.00' },
  ],
  surcharges: [{ code: 'sewage', nameZh: '污水处理费', nameEn: 'Sewage', unitPrice: '1.40' }],
};

describe('tier progress', () => {
  it('puts 2,000 kWh this year in tier 1 with 760 kWh left at ¥0.538, resetting on 1 January', () => {
    const progress = tierProgress({
      tariff: electricity,
      householdSize: 3,
      today: '2025-08-15',
      used: '2000',
    });
    expect(progress).toMatchObject({
      currentTier: 1,
      leftInTier: '760',
      nextUnitPrice: '0.538',
      periodStart: '2025-01-01',
      resetsOn: '2026-01-01',
    });
  });

  it('counts usage exactly on a boundary as the next tier', () => {
    const progress = tierProgress({
      tariff: electricity,
      householdSize: 3,
      today: '2025-11-02',
      used: '2760',
    });
    expect(progress?.currentTier).toBe(2);
    expect(progress?.leftInTier).toBe('2040');
    expect(progress?.nextUnitPrice).toBe('0.588');
  });

  it('has nothing left to reach in the top tier', () => {
    const progress = tierProgress({
      tariff: electricity,
      householdSize: 3,
      today: '2025-12-31',
      used: '5000.5',
    });
    expect(progress?.currentTier).toBe(3);
    expect(progress?.leftInTier).toBeNull();
  });

  it('widens tiers for a household above the base size and adds surcharges to the next unit', () => {
    // 6 people, base 4: tier 1 ends at 15 + 2 × 3 = 21 m³; 20 used → 1 left at 5.00 + 1.40.
    const progress = tierProgress({
      tariff: water,
      householdSize: 6,
      today: '2025-03-09',
      used: '20',
    });
    expect(progress).toMatchObject({
      currentTier: 1,
      leftInTier: '1',
      nextUnitPrice: '6.40',
      surchargePerUnit: '1.40',
      periodStart: '2025-03-01',
      resetsOn: '2025-04-01',
    });
    expect(progress?.tiers.map((t) => t.upTo)).toEqual(['21', '30', null]);
  });

  it('starts a monthly tier period again in January after December', () => {
    expect(tierPeriodAround('month', '2025-12-20')).toEqual({
      start: '2025-12-01',
      resetsOn: '2026-01-01',
    });
  });
});
