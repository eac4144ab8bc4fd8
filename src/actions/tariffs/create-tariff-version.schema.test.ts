import { describe, expect, it } from 'vitest';
import { toNewTariffVersion, ZCreateTariffVersionSchema } from './create-tariff-version.schema';

function form(overrides: Record<string, string> = {}): Record<string, string> {
  const blank = Object.fromEntries(
    Object.keys(ZCreateTariffVersionSchema.shape).map((key) => [key, '']),
  );
  return {
    ...blank,
    utility: 'electricity',
    code: 'elec-2026',
    nameZh: '居民生活用电阶梯电价',
    nameEn: 'Residential electricity, tiered',
    effectiveFrom: '2026-07-01',
    tierPeriod: 'year',
    baseHouseholdSize: '4',
    tier1UpTo: '2760',
    tier1ExtraPerPerson: '100',
    tier1UnitPrice: '0.538',
    tier2UpTo: '4800',
    tier2UnitPrice: '0.588',
    tier3UnitPrice: '0.838',
    ...overrides,
  };
}

function errorsOf(input: Record<string, string>) {
  const parsed = ZCreateTariffVersionSchema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('the new tariff version form', () => {
  it('turns the posted rows into a version: blank rows dropped, top tier open, yuan to fen', () => {
    const parsed = ZCreateTariffVersionSchema.parse(
      form({
        fixedMonthly: '5.5',
        closeOpenVersion: 'on',
        surcharge2Code: 'SEWAGE',
        surcharge2NameZh: '污水处理费',
        surcharge2NameEn: 'Sewage treatment',
        surcharge2UnitPrice: '1.36',
      }),
    );
    expect(toNewTariffVersion(parsed)).toEqual({
      utility: 'electricity',
      code: 'ELEC-2026',
      nameZh: '居民生活用电阶梯电价',
      nameEn: 'Residential electricity, tiered',
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
      tierPeriod: 'year',
      baseHouseholdSize: 4,
      fixedMonthlyFen: 550,
      closeOpenVersion: true,
      tiers: [
        { upTo: '2760', extraPerPerson: '100', unitPrice: '0.538' },
        { upTo: '4800', extraPerPerson: '0', unitPrice: '0.588' },
        { upTo: null, extraPerPerson: '0', unitPrice: '0.838' },
      ],
      surcharges: [
        { code: 'SEWAGE', nameZh: '污水处理费', nameEn: 'Sewage treatment', unitPrice: '1.36' },
      ],
    });
  });

  it.each([
    [{ tier2UpTo: '2000' }, 'tier2UpTo', 'tariffs.errors.tiersAscend'],
    [{ tier2UpTo: '' }, 'tier2UpTo', 'tariffs.errors.upToRequired'],
    [{ tier3UpTo: '9000' }, 'tier3UpTo', 'tariffs.errors.topTierOpen'],
    [{ tier2UnitPrice: '' }, 'tier2UnitPrice', 'tariffs.errors.priceRequired'],
    [{ tier4UnitPrice: '', tier5UnitPrice: '1.2' }, 'tier5UnitPrice', 'tariffs.errors.tierGap'],
    [{ tier1UnitPrice: '0.53805' }, 'tier1UnitPrice', 'tariffs.errors.price'],
    [{ tier1UpTo: '2,760' }, 'tier1UpTo', 'tariffs.errors.quantity'],
    [{ effectiveFrom: '2026-02-30' }, 'effectiveFrom', 'tariffs.errors.date'],
    [{ effectiveTo: '2026-07-01' }, 'effectiveTo', 'tariffs.errors.endBeforeStart'],
    [{ fixedMonthly: '5.005' }, 'fixedMonthly', 'tariffs.errors.money'],
    [{ baseHouseholdSize: '0' }, 'baseHouseholdSize', 'tariffs.errors.householdSize'],
    [{ code: 'x' }, 'code', 'tariffs.errors.code'],
    [{ surcharge1UnitPrice: '1.36' }, 'surcharge1Code', 'tariffs.errors.surchargeCode'],
  ])('with %o shows on %s: %s', (overrides, field, message) => {
    expect(errorsOf(form(overrides))[field]).toBe(message);
  });

  it('asks for at least one tier', () => {
    const noTiers = form({
      tier1UpTo: '',
      tier1ExtraPerPerson: '',
      tier1UnitPrice: '',
      tier2UpTo: '',
      tier2UnitPrice: '',
      tier3UnitPrice: '',
    });
    expect(errorsOf(noTiers).tier1UnitPrice).toBe('tariffs.errors.noTiers');
  });

  it('accepts a single open tier (a flat price)', () => {
    const flat = form({ tier1UpTo: '', tier2UpTo: '', tier2UnitPrice: '', tier3UnitPrice: '' });
    expect(errorsOf(flat)).toEqual({});
  });

  it('refuses two surcharges with the same code', () => {
    const twice = {
      surcharge1Code: 'SEWAGE',
      surcharge1NameZh: '污水处理费',
      surcharge1NameEn: 'Sewage',
      surcharge1UnitPrice: '1',
      surcharge2Code: 'SEWAGE',
      surcharge2NameZh: '污水处理费',
      surcharge2NameEn: 'Sewage',
      surcharge2UnitPrice: '1',
    };
    expect(errorsOf(form(twice)).surcharge2Code).toBe('tariffs.errors.surchargeDuplicate');
  });
});
