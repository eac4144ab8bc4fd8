import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { changeOnLastYear, getAnnualReport, getReportPdf, listReportYears } from '@/server/reports';
import { createUser, actorFor } from '../../fixtures/world';
import {
  createHousehold,
  createMonthBill,
  createSimilarHomes,
  yearOfReadings,
} from '../../fixtures/reports';

const summer = [200, 190, 180, 170, 200, 380, 420, 410, 210, 180, 190, 220];

describe('annual usage report', () => {
  it('adds up the year month by month and compares it with the year before', async () => {
    const { actor, account } = await createHousehold({
      readings: [
        ...yearOfReadings(
          2024,
          Array.from({ length: 12 }, () => 200),
        ),
        ...yearOfReadings(2025, summer),
      ],
    });

    const report = await getAnnualReport({ actor, accountId: account.id, year: 2025 });

    expect(report?.monthsWithData).toBe(12);
    expect(report?.total).toBe('2950.00');
    expect(report?.lastYearTotal).toBe('2400.00');
    expect(report?.sameMonths).toEqual({ months: 12, total: '2950.00', lastYearTotal: '2400.00' });
    expect(report?.months[6]).toMatchObject({ usage: '420.00', lastYearUsage: '200.00' });
    expect(report?.peakMonths).toEqual(['2025-07-01', '2025-08-01']);
    expect(report?.advice).toContain('summerPeak');
  });

  it('compares with last year over the months read in both years, not a whole year with two', async () => {
    const { actor, account } = await createHousehold({
      readings: [
        ...yearOfReadings(2024, [...Array.from({ length: 10 }, () => null), 100, 120]),
        ...yearOfReadings(2025, summer),
      ],
    });

    const report = await getAnnualReport({ actor, accountId: account.id, year: 2025 });

    expect(report?.lastYearTotal).toBe('220.00');
    expect(report?.lastYearMonthsWithData).toBe(2);
    // November and December: 190 + 220 against 100 + 120.
    expect(report?.sameMonths).toEqual({ months: 2, total: '410.00', lastYearTotal: '220.00' });
    expect(changeOnLastYear(report!)).toEqual({ change: 86, months: 2 });
    // The whole year against those two months would have read +1,241 %.
    expect(changeOnLastYear({ sameMonths: null })).toEqual({ change: null, months: 0 });
  });

  it('says there is no cost yet when no bill was issued, and sums the bills once there are', async () => {
    const { actor, account } = await createHousehold({ readings: yearOfReadings(2025, summer) });
    const before = await getAnnualReport({ actor, accountId: account.id, year: 2025 });
    expect(before?.cost).toBeNull();
    expect(before?.tierMonths).toEqual([]);

    await createMonthBill({ accountId: account.id, period: '2025-06-01', totalFen: 10000 });
    await createMonthBill({
      accountId: account.id,
      period: '2025-07-01',
      totalFen: 23050,
      highestTier: 2,
      waiverFen: 500,
    });
    await createMonthBill({ accountId: account.id, period: '2024-12-01', totalFen: 9999 });

    const after = await getAnnualReport({ actor, accountId: account.id, year: 2025 });
    expect(after?.cost).toEqual({ totalFen: 33050, bills: 2, currency: 'CNY' });
    expect(after?.tierMonths).toEqual([
      { tierNo: 1, months: 1 },
      { tierNo: 2, months: 1 },
    ]);
    expect(after?.waivers).toEqual({ lines: 1, totalFen: -500, lateCredits: 0 });
  });

  it('compares with similar homes only when enough of them have a full year', async () => {
    const { actor, account } = await createHousehold({
      readings: yearOfReadings(2025, summer),
      householdSize: 4,
    });
    const { premisesId } = account;
    const { getDb } = await import('@/server/db');
    const { premises } = await import('@/server/db/schema');
    const { eq } = await import('drizzle-orm');
    const db = await getDb();
    const [home] = await db
      .select({ districtId: premises.districtId })
      .from(premises)
      .where(eq(premises.id, premisesId));
    if (!home) throw new Error('no premises');

    await createSimilarHomes({
      districtId: home.districtId,
      householdSize: 4,
      year: 2025,
      annualUsages: [1200, 2400, 3600],
    });
    expect(
      (await getAnnualReport({ actor, accountId: account.id, year: 2025 }))?.similar,
    ).toBeNull();

    await createSimilarHomes({
      districtId: home.districtId,
      householdSize: 4,
      year: 2025,
      annualUsages: [4800, 6000],
    });
    const report = await getAnnualReport({ actor, accountId: account.id, year: 2025 });
    // Six homes: 1200, 2400, 2950 (this one), 3600, 4800, 6000.
    expect(report?.similar).toEqual({ households: 6, median: '3275.0', efficient: '2400.0' });
  });

  it('answers a year without readings with an empty report, not an error', async () => {
    const { actor, account } = await createHousehold({ readings: yearOfReadings(2025, summer) });

    const report = await getAnnualReport({ actor, accountId: account.id, year: 2019 });

    expect(report).toMatchObject({ year: 2019, monthsWithData: 0, total: '0.00', cost: null });
    expect(report?.advice).toEqual([]);
  });

  it('lists the years with readings, newest first', async () => {
    const { actor, account } = await createHousehold({
      readings: [...yearOfReadings(2024, [null, null, 100, 100]), ...yearOfReadings(2025, summer)],
    });

    expect(await listReportYears({ actor, accountId: account.id })).toEqual([
      { year: 2025, monthsWithData: 12, stored: false },
      { year: 2024, monthsWithData: 2, stored: false },
    ]);
  });

  it('gives another resident "not found" for the report, the year list and the PDF', async () => {
    const { account } = await createHousehold({ readings: yearOfReadings(2025, summer) });
    const stranger = actorFor(await createUser());

    expect(
      await getAnnualReport({ actor: stranger, accountId: account.id, year: 2025 }),
    ).toBeNull();
    expect(await listReportYears({ actor: stranger, accountId: account.id })).toBeNull();
    expect(
      await getReportPdf({ actor: stranger, accountId: account.id, year: 2025, locale: 'zh-CN' }),
    ).toBeNull();
    expect(await getAnnualReport({ actor: stranger, accountId: 999999, year: 2025 })).toBeNull();
  });

  it('makes a PDF the resident can read, in Chinese or English', async () => {
    const { actor, account } = await createHousehold({ readings: yearOfReadings(2025, summer) });

    const zh = await getReportPdf({ actor, accountId: account.id, year: 2025, locale: 'zh-CN' });
    const en = await getReportPdf({ actor, accountId: account.id, year: 2025, locale: 'en' });

    const text = (pdf: Buffer | undefined) =>
      execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(text(zh?.pdf)).toContain('2025 年度用电分析报告');
    expect(text(zh?.pdf)).toContain('2,950 kWh');
    expect(text(en?.pdf)).toContain('Your electricity year 2025');
    expect(en?.fileName).toBe(`wanjia-${account.accountNumber}-2025-en.pdf`);
  });
});
