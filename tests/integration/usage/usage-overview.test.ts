import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getUsageOverview, monthsBetween, refreshPeerUsage } from '@/server/usage';
import { getDb } from '@/server/db';
import { usagePeerStats } from '@/server/db/schema';
import { createDistrict, createPremises, createResidentWithAccount } from '../../fixtures/world';
import { createNeighbours, createTariff, readingsFor } from '../../fixtures/usage';

const TODAY = '2025-08-15';

describe('the usage overview', () => {
  it('shows the last 24 completed months, marks a missing reading and compares with last year', async () => {
    const months = monthsBetween('2023-01-01', '2025-07-01').filter((p) => p !== '2025-03-01');
    const { actor, account } = await createResidentWithAccount({
      utility: 'electricity',
      readings: readingsFor(months, (p) => (p.startsWith('2024') ? 200 : 300)),
    });

    const overview = await getUsageOverview({ actor, accountId: account.id, today: TODAY });

    expect(overview?.months).toHaveLength(24);
    expect(overview?.months[0]?.period).toBe('2023-08-01');
    expect(overview?.months.at(-1)).toMatchObject({
      period: '2025-07-01',
      usage: '300.00',
      status: 'actual',
      lastYear: '200.00',
    });
    const march = overview?.months.find((m) => m.period === '2025-03-01');
    expect(march).toMatchObject({ usage: null, status: 'missing', lastYear: '200.00' });
    expect(overview?.months.find((m) => m.period === '2025-04-01')?.coversMissing).toBe(true);
    expect(overview?.months.find((m) => m.period === '2025-05-01')?.coversMissing).toBe(false);
  });

  it('marks the months since the last reading as missing, up to last month', async () => {
    const { actor, account } = await createResidentWithAccount({
      utility: 'water',
      readings: readingsFor(monthsBetween('2025-01-01', '2025-05-01'), 12),
    });

    const overview = await getUsageOverview({ actor, accountId: account.id, today: TODAY });

    expect(overview?.months.map((m) => m.status)).toEqual([
      'actual',
      'actual',
      'actual',
      'actual',
      'actual',
      'missing',
      'missing',
    ]);
  });

  it('sums the two readings of a month with a meter replacement and says when one was estimated', async () => {
    const { actor, account } = await createResidentWithAccount({
      utility: 'water',
      readings: [
        { period: '2025-06-01', reading: '10', consumption: '10' },
        { period: '2025-07-01', reading: '16', consumption: '6', kind: 'estimated' },
      ],
    });
    const db = await getDb();
    const { meters, meterReadings } = await import('@/server/db/schema');
    const [meter] = await db
      .insert(meters)
      .values({
        accountId: account.id,
        serialNumber: `NEW-${account.id}`,
        installedOn: '2025-07-10',
      })
      .returning();
    await db.insert(meterReadings).values({
      accountId: account.id,
      meterId: meter!.id,
      period: '2025-07-01',
      readOn: '2025-07-25',
      reading: '4',
      consumption: '4',
    });

    const overview = await getUsageOverview({ actor, accountId: account.id, today: TODAY });

    expect(overview?.months.at(-1)).toMatchObject({ usage: '10.00', status: 'estimated' });
  });

  it('is not found for another resident, and shows nothing of the account', async () => {
    const a = await createResidentWithAccount({
      readings: readingsFor(['2025-07-01'], 10),
    });
    const b = await createResidentWithAccount();

    expect(
      await getUsageOverview({ actor: b.actor, accountId: a.account.id, today: TODAY }),
    ).toBeNull();
    expect(await getUsageOverview({ actor: b.actor, accountId: 999_999, today: TODAY })).toBeNull();
  });

  it('has no months for an account without readings', async () => {
    const { actor, account } = await createResidentWithAccount();

    const overview = await getUsageOverview({ actor, accountId: account.id, today: TODAY });

    expect(overview?.months).toEqual([]);
    expect(overview?.peerHouseholds).toBeNull();
  });
});

describe('similar households', () => {
  it('gives the median and the efficient fifth of homes of the same district and size', async () => {
    const months = monthsBetween('2025-05-01', '2025-07-01');
    const district = await createDistrict();
    const home = await createPremises({ districtId: district.id, householdSize: 3 });
    const { actor, account } = await createResidentWithAccount({
      utility: 'electricity',
      premisesId: home.id,
      readings: readingsFor(months, 250),
    });
    // Same group: 100, 150, 200, 300, 400 and ours 250 → median 225, 20th percentile 150.
    await createNeighbours({
      districtId: district.id,
      householdSize: 3,
      utility: 'electricity',
      months,
      usages: [100, 150, 200, 300, 400],
    });
    // Not similar: another size, another district, another utility.
    await createNeighbours({
      districtId: district.id,
      householdSize: 5,
      utility: 'electricity',
      months,
      usages: [9000],
    });
    await createNeighbours({
      districtId: (await createDistrict()).id,
      householdSize: 3,
      utility: 'electricity',
      months,
      usages: [9000],
    });
    await createNeighbours({
      districtId: district.id,
      householdSize: 3,
      utility: 'water',
      months,
      usages: [9000],
    });

    const overview = await getUsageOverview({ actor, accountId: account.id, today: TODAY });

    expect(overview?.months.at(-1)?.peers).toEqual({
      median: '225.00',
      efficient: '150.00',
      households: 6,
    });
    expect(overview?.peerHouseholds).toBe(6);
  });

  it('shows no comparison when fewer than five homes are alike', async () => {
    const months = ['2025-07-01'];
    const district = await createDistrict();
    const home = await createPremises({ districtId: district.id, householdSize: 2 });
    const { actor, account } = await createResidentWithAccount({
      premisesId: home.id,
      readings: readingsFor(months, 12),
    });
    await createNeighbours({
      districtId: district.id,
      householdSize: 2,
      utility: 'water',
      months,
      usages: [10, 11, 13],
    });

    const overview = await getUsageOverview({ actor, accountId: account.id, today: TODAY });

    expect(overview?.months.at(-1)?.peers).toBeNull();
  });

  it('are recomputed in place by the job: a rerun changes figures, never adds rows', async () => {
    const months = monthsBetween('2025-06-01', '2025-07-01');
    const district = await createDistrict();
    await createNeighbours({
      districtId: district.id,
      householdSize: 4,
      utility: 'water',
      months,
      usages: [10, 20, 30, 40, 50],
    });

    const first = await refreshPeerUsage({ from: '2025-06-01', to: '2025-07-01' });
    const second = await refreshPeerUsage({ from: '2025-06-01', to: '2025-07-01' });

    const db = await getDb();
    const rows = await db
      .select()
      .from(usagePeerStats)
      .where(eq(usagePeerStats.districtId, district.id));
    expect(second).toBe(first);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.median)).toEqual(['30.00', '30.00']);
  });
});

describe('tier progress', () => {
  it("tells how far this year's usage is into the tiers, what the next kWh costs and when tiers reset", async () => {
    await createTariff({ utility: 'electricity' });
    const { actor, account } = await createResidentWithAccount({
      utility: 'electricity',
      // Last year counts for nothing; this year 7 × 300 = 2,100 kWh.
      readings: readingsFor(monthsBetween('2024-06-01', '2025-07-01'), 300),
    });

    const overview = await getUsageOverview({ actor, accountId: account.id, today: TODAY });

    expect(overview?.tierProgress).toMatchObject({
      tierPeriod: 'year',
      used: '2100',
      currentTier: 1,
      leftInTier: '660',
      nextUnitPrice: '0.538',
      resetsOn: '2026-01-01',
    });
  });

  it('adds the sewage surcharge to what the next cubic metre of water costs', async () => {
    await createTariff({ utility: 'water' });
    const { actor, account } = await createResidentWithAccount({
      utility: 'water',
      readings: readingsFor(monthsBetween('2025-01-01', '2025-07-01'), 30),
    });

    const overview = await getUsageOverview({ actor, accountId: account.id, today: TODAY });

    // 210 m³ is past the 180 m³ of tier 1: 7.00 + 1.40 sewage.
    expect(overview?.tierProgress).toMatchObject({
      currentTier: 2,
      leftInTier: '50',
      nextUnitPrice: '8.40',
    });
  });

  it('is absent when no tariff is in effect', async () => {
    // The tariffs of this file take effect in 2020.
    const { actor, account } = await createResidentWithAccount({
      readings: readingsFor(['2019-05-01'], 5),
    });

    const overview = await getUsageOverview({ actor, accountId: account.id, today: '2019-06-15' });

    expect(overview?.tierProgress).toBeNull();
  });
});
