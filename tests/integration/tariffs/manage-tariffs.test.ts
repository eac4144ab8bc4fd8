import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { auditLog, billingRuns, tariffs } from '@/server/db/schema';
import { PermissionError } from '@/server/auth/permissions';
import {
  computeBillLines,
  createTariffVersion,
  listTariffVersions,
  loadTariffVersions,
  type TNewTariffVersion,
} from '@/server/tariffs';
import { actorFor, createUser, resetWorld } from '../../fixtures/world';
import { createTariff, resetTariffs } from '../../fixtures/tariffs';

beforeEach(async () => {
  await resetWorld();
  await resetTariffs();
});

async function billingStaff() {
  return actorFor(await createUser({ role: 'billing' }));
}

function newVersion(overrides: Partial<TNewTariffVersion> = {}): TNewTariffVersion {
  return {
    utility: 'electricity',
    code: 'ELEC-2026',
    nameZh: '居民生活用电阶梯电价（2026）',
    nameEn: 'Residential electricity, tiered (2026)',
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    tierPeriod: 'year',
    baseHouseholdSize: 4,
    fixedMonthlyFen: 0,
    tiers: [
      { upTo: '2880', extraPerPerson: '100', unitPrice: '0.5483' },
      { upTo: '4800', extraPerPerson: '100', unitPrice: '0.5983' },
      { upTo: null, extraPerPerson: '0', unitPrice: '0.8483' },
    ],
    surcharges: [],
    closeOpenVersion: false,
    ...overrides,
  };
}

describe('creating a tariff version', () => {
  it('saves the version with its tiers and surcharges, and staff see it listed', async () => {
    const actor = await billingStaff();
    const result = await createTariffVersion({
      actor,
      version: newVersion({
        utility: 'water',
        code: 'WATER-2026',
        fixedMonthlyFen: 500,
        tiers: [
          { upTo: '180', extraPerPerson: '30', unitPrice: '5' },
          { upTo: null, extraPerPerson: '0', unitPrice: '7' },
        ],
        surcharges: [
          { code: 'SEWAGE', nameZh: '污水处理费', nameEn: 'Sewage treatment', unitPrice: '1.36' },
        ],
      }),
    });

    expect(result).toMatchObject({ ok: true, closedVersionId: null });
    const listed = await listTariffVersions({ actor, today: '2026-08-01' });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      utility: 'water',
      code: 'WATER-2026',
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
      fixedMonthlyFen: 500,
      status: 'current',
      tiers: [
        { tierNo: 1, upTo: '180.00', extraPerPerson: '30.00', unitPrice: '5.0000' },
        { tierNo: 2, upTo: null, extraPerPerson: '0.00', unitPrice: '7.0000' },
      ],
      surcharges: [
        { code: 'SEWAGE', nameZh: '污水处理费', nameEn: 'Sewage treatment', unitPrice: '1.3600' },
      ],
    });
  });

  it('records who created it in the audit log', async () => {
    const actor = await billingStaff();
    const result = await createTariffVersion({ actor, version: newVersion() });
    if (!result.ok) throw new Error('not created');

    const db = await getDb();
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'tariff.create'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUserId: actor.userId,
      subjectType: 'tariff',
      subjectId: String(result.id),
    });
    expect(rows[0]?.detail).toMatchObject({ code: 'ELEC-2026', effectiveFrom: '2026-07-01' });
  });

  it('refuses dates overlapping another version of the same utility, names it, and saves nothing', async () => {
    const actor = await billingStaff();
    const existing = await createTariff({ effectiveFrom: '2024-01-01', effectiveTo: '2026-09-01' });

    const result = await createTariffVersion({ actor, version: newVersion() });

    expect(result).toEqual({
      ok: false,
      error: 'overlap',
      conflicts: [
        {
          id: existing.id,
          code: existing.code,
          effectiveFrom: '2024-01-01',
          effectiveTo: '2026-09-01',
        },
      ],
    });
    const db = await getDb();
    expect(await db.select({ id: tariffs.id }).from(tariffs)).toHaveLength(1);
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  it('refuses a version that ends inside a later one', async () => {
    const actor = await billingStaff();
    await createTariff({ effectiveFrom: '2027-01-01' });

    const result = await createTariffVersion({
      actor,
      version: newVersion({ effectiveFrom: '2026-07-01', effectiveTo: '2027-02-01' }),
    });

    expect(result).toMatchObject({ ok: false, error: 'overlap' });
  });

  it('accepts a version that starts the day the previous one ends (end dates are exclusive)', async () => {
    const actor = await billingStaff();
    await createTariff({ effectiveFrom: '2024-01-01', effectiveTo: '2026-07-01' });

    const result = await createTariffVersion({ actor, version: newVersion() });

    expect(result.ok).toBe(true);
  });

  it('ignores versions of the other utility', async () => {
    const actor = await billingStaff();
    await createTariff({ utility: 'water', effectiveFrom: '2024-01-01' });

    const result = await createTariffVersion({ actor, version: newVersion() });

    expect(result.ok).toBe(true);
  });

  it('on request ends the open-ended current version the day the new one starts, audited', async () => {
    const actor = await billingStaff();
    const current = await createTariff({ effectiveFrom: '2024-01-01' });

    const result = await createTariffVersion({
      actor,
      version: newVersion({ closeOpenVersion: true }),
    });

    expect(result).toMatchObject({ ok: true, closedVersionId: current.id });
    const versions = await loadTariffVersions({
      utility: 'electricity',
      from: '2024-01-01',
      to: '2030-01-01',
    });
    expect(versions.map((v) => [v.effectiveFrom, v.effectiveTo])).toEqual([
      ['2024-01-01', '2026-07-01'],
      ['2026-07-01', null],
    ]);
    const db = await getDb();
    const closes = await db.select().from(auditLog).where(eq(auditLog.action, 'tariff.close'));
    expect(closes.map((c) => c.subjectId)).toEqual([String(current.id)]);
  });

  it('does not close a version that starts after the new one, even on request', async () => {
    const actor = await billingStaff();
    await createTariff({ effectiveFrom: '2026-09-01' });

    const result = await createTariffVersion({
      actor,
      version: newVersion({ closeOpenVersion: true }),
    });

    expect(result).toMatchObject({ ok: false, error: 'overlap' });
  });

  it('refuses a version starting in a month that has already been billed', async () => {
    const actor = await billingStaff();
    await createTariff({ effectiveFrom: '2024-01-01', effectiveTo: '2026-07-01' });
    const db = await getDb();
    await db.insert(billingRuns).values({ utility: 'electricity', period: '2026-07-01' });

    const inBilledMonth = await createTariffVersion({
      actor,
      version: newVersion({ effectiveFrom: '2026-07-20' }),
    });
    const afterIt = await createTariffVersion({
      actor,
      version: newVersion({ effectiveFrom: '2026-08-01' }),
    });

    expect(inBilledMonth).toEqual({
      ok: false,
      error: 'already_billed',
      lastBilledPeriod: '2026-07-01',
    });
    expect(afterIt.ok).toBe(true);
  });

  it('lets only one of two overlapping versions saved at the same moment in', async () => {
    const actor = await billingStaff();

    const results = await Promise.all([
      createTariffVersion({ actor, version: newVersion({ code: 'A' }) }),
      createTariffVersion({
        actor,
        version: newVersion({ code: 'B', effectiveFrom: '2026-08-01' }),
      }),
    ]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const db = await getDb();
    expect(await db.select({ id: tariffs.id }).from(tariffs)).toHaveLength(1);
  });

  it('is refused to staff without the tariff permission', async () => {
    const agent = actorFor(await createUser({ role: 'agent' }));

    await expect(createTariffVersion({ actor: agent, version: newVersion() })).rejects.toThrow(
      PermissionError,
    );
    await expect(listTariffVersions({ actor: agent })).rejects.toThrow(PermissionError);
  });
});

describe('listing tariff versions', () => {
  it('marks versions past, current and upcoming relative to today', async () => {
    const actor = await billingStaff();
    await createTariff({ effectiveFrom: '2024-01-01', effectiveTo: '2025-01-01' });
    await createTariff({ effectiveFrom: '2025-01-01', effectiveTo: '2026-01-01' });
    await createTariff({ effectiveFrom: '2026-01-01' });

    const listed = await listTariffVersions({ actor, today: '2025-06-15' });

    expect(listed.map((v) => [v.effectiveFrom, v.status])).toEqual([
      ['2024-01-01', 'past'],
      ['2025-01-01', 'current'],
      ['2026-01-01', 'upcoming'],
    ]);
  });
});

describe('loadTariffVersions', () => {
  it('returns only the versions of that utility in force during the range', async () => {
    await createTariff({ code: 'OLD', effectiveFrom: '2023-01-01', effectiveTo: '2024-01-01' });
    await createTariff({ code: 'H1', effectiveFrom: '2024-01-01', effectiveTo: '2024-06-16' });
    await createTariff({ code: 'H2', effectiveFrom: '2024-06-16', effectiveTo: '2025-01-01' });
    await createTariff({ code: 'NEXT', effectiveFrom: '2025-01-01' });
    await createTariff({ utility: 'water', code: 'WATER', effectiveFrom: '2024-01-01' });

    const june = await loadTariffVersions({
      utility: 'electricity',
      from: '2024-06-01',
      to: '2024-07-01',
    });
    const july = await loadTariffVersions({
      utility: 'electricity',
      from: '2024-07-01',
      to: '2024-08-01',
    });
    const january = await loadTariffVersions({
      utility: 'electricity',
      from: '2025-01-01',
      to: '2025-02-01',
    });

    expect(june.map((v) => v.code)).toEqual(['H1', 'H2']);
    expect(july.map((v) => v.code)).toEqual(['H2']);
    expect(january.map((v) => v.code)).toEqual(['NEXT']);
  });

  it('feeds computeBillLines directly: 150 kWh after 2,700 is ¥32.28 + ¥52.92', async () => {
    await createTariff({ effectiveFrom: '2024-01-01' });
    const versions = await loadTariffVersions({
      utility: 'electricity',
      from: '2024-06-01',
      to: '2024-07-01',
    });

    const bill = computeBillLines({
      tariffs: versions,
      periodStart: '2024-06-01',
      periodEnd: '2024-07-01',
      usage: '150',
      usedBeforeInTierPeriod: '2700',
      householdSize: 3,
    });

    expect(bill.lines.map((l) => [l.tierNo, l.quantity, l.unitPrice, l.amountFen])).toEqual([
      [1, '60', '0.538', 3228],
      [2, '90', '0.588', 5292],
    ]);
    expect(bill.totalFen).toBe(8520);
  });
});
