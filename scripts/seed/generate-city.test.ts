import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCopyBuilders, householdsCopyBatch } from './copy-format';
import { demoUnlinkedHouseholds, FIRST_UNLINKED_HOUSEHOLD } from './demo-people';
import {
  districtRows,
  generateCity,
  lastCompletedMonth,
  type THousehold,
  type TSeedArgs,
} from './generate-city';

const ARGS: TSeedArgs = { households: 3000, months: 24, seed: 42, end: '2025-12' };

function cityBytesHash(args: TSeedArgs, first: number): string {
  const sha = createHash('sha256');
  const builders = createCopyBuilders();
  let batch: THousehold[] = [];
  for (const household of generateCity(args)) {
    if (household.index > first) break;
    batch.push(household);
    if (batch.length === 250) {
      const data = householdsCopyBatch(batch, builders);
      for (const part of [data.premises, data.service_accounts, data.meters, data.meter_readings])
        sha.update(part);
      batch = [];
    }
  }
  const data = householdsCopyBatch(batch, builders);
  for (const part of [data.premises, data.service_accounts, data.meters, data.meter_readings])
    sha.update(part);
  return sha.digest('hex');
}

const city = [...generateCity(ARGS)];
const readings = city.flatMap((h) => h.readings);

describe('the demo city generator', () => {
  it('writes the same bytes for the same seed and arguments, run after run', () => {
    expect(cityBytesHash(ARGS, 500)).toBe(cityBytesHash(ARGS, 500));
  });

  it('writes a different city for a different seed', () => {
    expect(cityBytesHash({ ...ARGS, seed: 43 }, 500)).not.toBe(cityBytesHash(ARGS, 500));
  });

  it('keeps each household the same person at the same address whatever the number of months', () => {
    const shorter = [...generateCity({ ...ARGS, households: 50, months: 3 })];
    for (const [i, household] of shorter.entries()) {
      expect(household.premises).toEqual(city[i]?.premises);
      expect(household.accounts).toEqual(city[i]?.accounts);
    }
  });

  it('has 8 to 12 districts, some of them rural', () => {
    const districts = districtRows();
    expect(districts.length).toBeGreaterThanOrEqual(8);
    expect(districts.length).toBeLessThanOrEqual(12);
    expect(districts.some((d) => d.rural)).toBe(true);
    expect(districts.some((d) => !d.rural)).toBe(true);
  });

  it('gives every household 1 to 6 people, averaging about 2.6', () => {
    const sizes = city.map((h) => h.premises.householdSize);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(6);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2.3);
    expect(mean).toBeLessThan(2.9);
  });

  it('registers about 3–5 % of households as low-income (低保) with a certificate number', () => {
    const share = city.filter((h) => h.premises.lowIncomeCertificate !== null).length / city.length;
    expect(share).toBeGreaterThan(0.025);
    expect(share).toBeLessThan(0.06);
    const certificate = city.find((h) => h.premises.lowIncomeCertificate)?.premises
      .lowIncomeCertificate;
    expect(certificate).toMatch(/^\d{16}$/);
  });

  it('gives every household one water and one electricity account with a 10-digit number and 6-digit code', () => {
    const numbers = new Set<string>();
    for (const household of city) {
      const [water, electricity] = household.accounts;
      expect(water.utility).toBe('water');
      expect(water.accountNumber).toMatch(/^1\d{9}$/);
      expect(electricity.utility).toBe('electricity');
      expect(electricity.accountNumber).toMatch(/^2\d{9}$/);
      expect(water.verificationCode).toMatch(/^\d{6}$/);
      expect(electricity.verificationCode).toMatch(/^\d{6}$/);
      numbers.add(water.accountNumber).add(electricity.accountNumber);
    }
    expect(numbers.size).toBe(city.length * 2);
  });

  it('gives every meter a unique serial number', () => {
    const serials = city.flatMap((h) => h.meters.map((m) => m.serialNumber));
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('never writes tabs, newlines or backslashes into text (COPY needs no escaping)', () => {
    for (const household of city.slice(0, 500)) {
      const text = [
        household.premises.addressZh,
        household.premises.addressEn,
        ...household.accounts.map((a) => a.holderName),
      ].join('');
      expect(text).not.toMatch(/[\t\n\\]/);
    }
  });

  it('only counts up on a meter; a replacement restarts the new meter near zero', () => {
    const problems: string[] = [];
    for (const household of city) {
      const byMeter = new Map<number, number>();
      for (const reading of household.readings) {
        if (reading.consumption < 0) problems.push(`negative consumption ${reading.accountId}`);
        const previous = byMeter.get(reading.meterId);
        if (previous !== undefined && reading.reading < previous)
          problems.push(`register ran back on meter ${reading.meterId}`);
        byMeter.set(reading.meterId, reading.reading);
      }
      for (const meter of household.meters) {
        if (meter.installedOn === household.accounts[0].openedOn) continue;
        const first = household.readings.find((r) => r.meterId === meter.id);
        if (!first || first.reading >= 1000)
          problems.push(`new meter ${meter.id} did not start near 0`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a few anomalies: missing readings, replaced meters and estimated readings', () => {
    const expected = city.length * 2 * ARGS.months;
    const replaced = city.flatMap((h) => h.meters).filter((m) => m.removedOn !== null);
    const extraRows = replaced.length; // the old meter's closing reading
    const missing = expected + extraRows - readings.length;
    expect(missing / expected).toBeGreaterThan(0.002);
    expect(missing / expected).toBeLessThan(0.01);
    expect(replaced.length).toBeGreaterThan(0);
    expect(replaced.length / (city.length * 2)).toBeLessThan(0.01);
    expect(readings.some((r) => r.kind === 'estimated')).toBe(true);
    expect(readings.some((r) => r.kind === 'customer')).toBe(true);
  });

  it('uses more electricity in summer than in spring, and more water too', () => {
    const mean = (utilityDigit: string, months: string[]) => {
      const accountIds = new Set(
        city.flatMap((h) =>
          h.accounts.filter((a) => a.accountNumber.startsWith(utilityDigit)).map((a) => a.id),
        ),
      );
      const values = readings
        .filter((r) => accountIds.has(r.accountId) && months.includes(r.period.slice(5, 7)))
        .map((r) => r.consumption);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(mean('2', ['07', '08'])).toBeGreaterThan(1.3 * mean('2', ['04', '05']));
    expect(mean('1', ['07', '08'])).toBeGreaterThan(mean('1', ['04', '05']));
  });

  it('uses believable amounts: ~80–120 kWh a month alone, ~250–400 kWh for four, ~2.5–4 m³ water per person', () => {
    const monthly = (size: number, digit: string) => {
      const households = city.filter((h) => h.premises.householdSize === size);
      const ids = new Set(
        households.flatMap((h) =>
          h.accounts.filter((a) => a.accountNumber.startsWith(digit)).map((a) => a.id),
        ),
      );
      const values = readings.filter((r) => ids.has(r.accountId)).map((r) => r.consumption);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(monthly(1, '2')).toBeGreaterThan(80);
    expect(monthly(1, '2')).toBeLessThan(130);
    expect(monthly(4, '2')).toBeGreaterThan(250);
    expect(monthly(4, '2')).toBeLessThan(400);
    expect(monthly(3, '1') / 3).toBeGreaterThan(2.5);
    expect(monthly(3, '1') / 3).toBeLessThan(4);
  });
});

describe('demo households for e2e tests', () => {
  it('hands out unlinked households whose numbers and codes match the generated city', () => {
    const unlinked = demoUnlinkedHouseholds(ARGS, 5);
    expect(unlinked).toHaveLength(5);
    for (const entry of unlinked) {
      expect(entry.household).toBeGreaterThanOrEqual(FIRST_UNLINKED_HOUSEHOLD);
      const household = city[entry.household - 1];
      expect(entry.water.accountNumber).toBe(household?.accounts[0].accountNumber);
      expect(entry.water.verificationCode).toBe(household?.accounts[0].verificationCode);
      expect(entry.electricity.accountNumber).toBe(household?.accounts[1].accountNumber);
      expect(entry.electricity.verificationCode).toBe(household?.accounts[1].verificationCode);
    }
  });

  it('gives disjoint households for different offsets', () => {
    const a = demoUnlinkedHouseholds(ARGS, 3, 0).map((h) => h.household);
    const b = demoUnlinkedHouseholds(ARGS, 3, 3).map((h) => h.household);
    expect(a.filter((h) => b.includes(h))).toEqual([]);
  });
});

describe('the default end month', () => {
  it('is the last completed month in Shanghai time', () => {
    // 1 April 00:30 in Shanghai is still 31 March in UTC.
    expect(lastCompletedMonth(new Date('2026-03-31T16:30:00Z'))).toBe('2026-03');
    expect(lastCompletedMonth(new Date('2026-01-15T04:00:00Z'))).toBe('2025-12');
  });
});
