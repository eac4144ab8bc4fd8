/**
 * The demo city generator: pure and deterministic. The same arguments always give the same
 * city, byte for byte, whatever database it is written to. Households are produced one at a
 * time (a generator), so 650,000 of them never sit in memory together.
 *
 * Ids are implied by the household's position, so any household can be regenerated on its own
 * (demo-people.ts does that to hand e2e tests unlinked account numbers without a database):
 *   premises id = i, water account id = 2i − 1, electricity account id = 2i.
 * Meter ids are the only running counter (a replaced meter adds one).
 */
import { COMPOUNDS, DISTRICTS, GIVEN_NAMES, SURNAMES, type TDistrictSpec } from './city-data';
import { mixSeed, Random } from './prng';

export type TSeedArgs = {
  households: number;
  months: number;
  seed: number;
  /** Last seeded period, `YYYY-MM`. */
  end: string;
};

export type TUtilityKind = 'water' | 'electricity';
export type TReadingKindValue = 'actual' | 'estimated' | 'customer';

export type TDistrictRow = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  rural: boolean;
};

export type TPremisesRow = {
  id: number;
  districtId: number;
  addressZh: string;
  addressEn: string;
  householdSize: number;
  lowIncomeCertificate: string | null;
};

export type TAccountRow = {
  id: number;
  accountNumber: string;
  utility: TUtilityKind;
  premisesId: number;
  holderName: string;
  verificationCode: string;
  openedOn: string;
};

export type TMeterRow = {
  id: number;
  accountId: number;
  serialNumber: string;
  installedOn: string;
  removedOn: string | null;
};

export type TReadingRow = {
  accountId: number;
  period: string;
  meterId: number;
  readOn: string;
  /** Cumulative register value, whole kWh or m³. */
  reading: number;
  /** Usage since the previous reading on this account (a new meter: since installation). */
  consumption: number;
  kind: TReadingKindValue;
};

export type THousehold = {
  /** 1-based position in the city. */
  index: number;
  premises: TPremisesRow;
  /** Water first, then electricity. */
  accounts: [TAccountRow, TAccountRow];
  meters: TMeterRow[];
  readings: TReadingRow[];
};

/** Holders of the households the demo people sign in for (demo-people.ts links them). */
export const RESERVED_HOLDERS: Readonly<Record<number, string>> = {
  1: '张秀英',
  2: '王建国',
  3: '王建国',
};

/** Anomaly and mix rates; tests read them to check the city stays within bounds. */
export const CITY_RATES = {
  missingReading: 0.005,
  meterReplaced: 0.003,
  estimatedReading: 0.01,
  customerReading: 0.02,
  vacantHome: 0.02,
} as const;

/** Household sizes 1–6, after the 2020 census (mean ≈ 2.6 people). */
const HOUSEHOLD_SIZES = [
  { value: 1, weight: 25 },
  { value: 2, weight: 30 },
  { value: 3, weight: 21 },
  { value: 4, weight: 13 },
  { value: 5, weight: 7 },
  { value: 6, weight: 4 },
] as const;

/** Typical monthly kWh by household size (index 0 = one person). */
const ELECTRICITY_BASE = [100, 170, 240, 310, 360, 410] as const;
/** Jan…Dec: summer air-conditioning peak, winter heating bump. */
const ELECTRICITY_SEASON = [
  1.25, 1.2, 0.95, 0.85, 0.9, 1.15, 1.6, 1.6, 1.1, 0.85, 0.95, 1.2,
] as const;
/** m³ per person per month, and its season: more in summer. */
const WATER_PER_PERSON = 3.2;
const WATER_SEASON = [0.9, 0.88, 0.95, 1.0, 1.05, 1.15, 1.25, 1.25, 1.1, 1.0, 0.95, 0.92] as const;

/** Bijective scrambles of the household number into the 9 digits after the utility digit. */
const NUMBER_MULTIPLIER = 387_420_489; // 3^18: coprime to 10, so i ↦ i·A + B mod 10^9 is one-to-one
const NUMBER_SPACE = 1_000_000_000;
export const MAX_HOUSEHOLDS = 10_000_000; // keeps i·A below 2^53

type TPeriod = { period: string; yearMonth: string; month: number; days: number };

export type TCityContext = {
  args: TSeedArgs;
  periods: TPeriod[];
  /** `YYYY-MM-DD` of the first seeded period. */
  firstPeriod: string;
  districtWeights: { value: number; weight: number }[];
  waterOffset: number;
  electricityOffset: number;
};

export function createCityContext(args: TSeedArgs): TCityContext {
  if (!Number.isInteger(args.households) || args.households < 1 || args.households > MAX_HOUSEHOLDS)
    throw new Error(`households must be an integer from 1 to ${MAX_HOUSEHOLDS}`);
  if (!Number.isInteger(args.months) || args.months < 1 || args.months > 240)
    throw new Error('months must be an integer from 1 to 240');
  const match = /^(\d{4})-(\d{2})$/.exec(args.end);
  if (!match) throw new Error('end must be YYYY-MM');
  const endYear = Number(match[1]);
  const endMonth = Number(match[2]);
  const periods: TPeriod[] = [];
  for (let k = args.months - 1; k >= 0; k--) {
    const serial = endYear * 12 + (endMonth - 1) - k;
    const year = Math.floor(serial / 12);
    const month = (serial % 12) + 1;
    const yearMonth = `${year}-${pad(month, 2)}`;
    periods.push({ period: `${yearMonth}-01`, yearMonth, month, days: daysInMonth(year, month) });
  }
  const first = periods[0];
  if (!first) throw new Error('no periods');
  return {
    args,
    periods,
    firstPeriod: first.period,
    districtWeights: DISTRICTS.map((d, i) => ({ value: i, weight: d.weight })),
    waterOffset: mixSeed(args.seed, 0x1001) % NUMBER_SPACE,
    electricityOffset: mixSeed(args.seed, 0x2002) % NUMBER_SPACE,
  };
}

export function districtRows(): TDistrictRow[] {
  return DISTRICTS.map((d, i) => ({
    id: i + 1,
    code: d.code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    rural: d.rural,
  }));
}

export type TServicePointRow = {
  code: string;
  utility: TUtilityKind;
  districtId: number;
  nameZh: string;
  nameEn: string;
};

/**
 * The utilities' local offices: a power supply station (供电所) and a water supply office
 * (供水所) in every district — the demo city's configuration of service points (ADR 015).
 */
export function servicePointRows(districts: readonly TDistrictRow[] = districtRows()) {
  return districts.flatMap((d): TServicePointRow[] => [
    {
      code: `${d.code}-E`,
      utility: 'electricity',
      districtId: d.id,
      nameZh: `${d.nameZh}供电所`,
      nameEn: `${d.nameEn} Power Supply Station`,
    },
    {
      code: `${d.code}-W`,
      utility: 'water',
      districtId: d.id,
      nameZh: `${d.nameZh}供水所`,
      nameEn: `${d.nameEn} Water Supply Office`,
    },
  ]);
}

/** The whole city, household by household. */
export function* generateCity(args: TSeedArgs): Generator<THousehold, void, undefined> {
  const ctx = createCityContext(args);
  let nextMeterId = 1;
  for (let index = 1; index <= args.households; index++) {
    const household = generateHousehold(ctx, index, nextMeterId);
    nextMeterId += household.meters.length;
    yield household;
  }
}

/** Account number for household `index` (also used to find demo households without the DB). */
export function accountNumberOf(ctx: TCityContext, index: number, utility: TUtilityKind): string {
  const offset = utility === 'water' ? ctx.waterOffset : ctx.electricityOffset;
  const scrambled = (index * NUMBER_MULTIPLIER + offset) % NUMBER_SPACE;
  return `${utility === 'water' ? 1 : 2}${pad(scrambled, 9)}`;
}

export function generateHousehold(
  ctx: TCityContext,
  index: number,
  firstMeterId: number,
): THousehold {
  // Identity draws come from their own stream so a household is the same person at the same
  // address whatever --months or --end says.
  const who = new Random(mixSeed(ctx.args.seed, index, 1));
  const districtIndex = who.weighted(ctx.districtWeights);
  const district = DISTRICTS[districtIndex] as TDistrictSpec;
  const householdSize = who.weighted(HOUSEHOLD_SIZES);
  const address = makeAddress(who, district);
  const lowIncomeChance = 0.03 + (district.rural ? 0.03 : 0) + (householdSize === 1 ? 0.02 : 0);
  const lowIncomeCertificate = who.chance(lowIncomeChance)
    ? `${district.areaCode}${who.int(2016, 2025)}${pad(who.int(0, 999_999), 6)}`
    : null;
  const holder = RESERVED_HOLDERS[index] ?? makeName(who);
  const electricityHolder = RESERVED_HOLDERS[index] ?? (who.chance(0.8) ? holder : makeName(who));
  const openedOn = randomDateBefore(who, ctx.firstPeriod);
  const waterCode = pad(who.int(0, 999_999), 6);
  const electricityCode = pad(who.int(0, 999_999), 6);

  const premises: TPremisesRow = {
    id: index,
    districtId: districtIndex + 1,
    addressZh: address.zh,
    addressEn: address.en,
    householdSize,
    lowIncomeCertificate,
  };
  const water: TAccountRow = {
    id: 2 * index - 1,
    accountNumber: accountNumberOf(ctx, index, 'water'),
    utility: 'water',
    premisesId: index,
    holderName: holder,
    verificationCode: waterCode,
    openedOn,
  };
  const electricity: TAccountRow = {
    id: 2 * index,
    accountNumber: accountNumberOf(ctx, index, 'electricity'),
    utility: 'electricity',
    premisesId: index,
    holderName: electricityHolder,
    verificationCode: electricityCode,
    openedOn,
  };

  const use = new Random(mixSeed(ctx.args.seed, index, 2));
  const vacant = use.chance(CITY_RATES.vacantHome);
  const ruralFactor = district.rural ? 0.85 : 1;
  const meters: TMeterRow[] = [];
  const readings: TReadingRow[] = [];
  let meterId = firstMeterId;
  for (const account of [water, electricity]) {
    const isWater = account.utility === 'water';
    const habit = clamp(Math.exp(0.22 * use.normal()), 0.5, 2) * (vacant ? 0.04 : 1) * ruralFactor;
    const base = isWater
      ? WATER_PER_PERSON * Math.pow(householdSize, 0.9) * habit
      : (ELECTRICITY_BASE[householdSize - 1] ?? 100) * habit;
    const season = isWater ? WATER_SEASON : ELECTRICITY_SEASON;
    meterId = emitAccountSeries(ctx, use, account, base, season, meterId, meters, readings);
  }
  return { index, premises, accounts: [water, electricity], meters, readings };
}

function emitAccountSeries(
  ctx: TCityContext,
  use: Random,
  account: TAccountRow,
  base: number,
  season: readonly number[],
  firstMeterId: number,
  meters: TMeterRow[],
  readings: TReadingRow[],
): number {
  const isWater = account.utility === 'water';
  const prefix = isWater ? 'SW' : 'DB';
  const serialCore = account.accountNumber.slice(1);
  let meterId = firstMeterId;
  let meter: TMeterRow = {
    id: meterId,
    accountId: account.id,
    serialNumber: `${prefix}${account.openedOn.slice(2, 4)}${serialCore}0`,
    installedOn: account.openedOn,
    removedOn: null,
  };
  meters.push(meter);
  const periods = ctx.periods;
  const replaceAt =
    periods.length >= 2 && use.chance(CITY_RATES.meterReplaced)
      ? use.int(1, periods.length - 1)
      : -1;
  // The register has been turning since the account opened.
  let register = use.int(0, isWater ? 2_000 : 40_000);
  let lastReading = register;
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k] as TPeriod;
    const noise = Math.max(0.3, 1 + 0.08 * use.normal());
    const usage = Math.round(base * (season[p.month - 1] ?? 1) * noise);
    const readDay = use.int(25, 28);
    const r = use.next();
    const kind: TReadingKindValue =
      r < CITY_RATES.estimatedReading
        ? 'estimated'
        : r < CITY_RATES.estimatedReading + CITY_RATES.customerReading
          ? 'customer'
          : 'actual';
    if (k === replaceAt) {
      const removalDay = use.int(5, 20);
      const beforeRemoval = Math.round((usage * (removalDay - 1)) / p.days);
      register += beforeRemoval;
      const removedOn = `${p.yearMonth}-${pad(removalDay, 2)}`;
      readings.push({
        accountId: account.id,
        period: p.period,
        meterId: meter.id,
        readOn: removedOn,
        reading: register,
        consumption: register - lastReading,
        kind: 'actual',
      });
      meter.removedOn = removedOn;
      meterId += 1;
      meter = {
        id: meterId,
        accountId: account.id,
        serialNumber: `${prefix}${p.yearMonth.slice(2, 4)}${serialCore}1`,
        installedOn: removedOn,
        removedOn: null,
      };
      meters.push(meter);
      // A new register starts at zero.
      register = usage - beforeRemoval;
      readings.push({
        accountId: account.id,
        period: p.period,
        meterId: meter.id,
        readOn: `${p.yearMonth}-${pad(readDay, 2)}`,
        reading: register,
        consumption: register,
        kind,
      });
      lastReading = register;
      continue;
    }
    register += usage;
    if (use.chance(CITY_RATES.missingReading)) continue; // no row: the next reading covers both months
    readings.push({
      accountId: account.id,
      period: p.period,
      meterId: meter.id,
      readOn: `${p.yearMonth}-${pad(readDay, 2)}`,
      reading: register,
      consumption: register - lastReading,
      kind,
    });
    lastReading = register;
  }
  return meterId + 1;
}

function makeAddress(rng: Random, district: TDistrictSpec): { zh: string; en: string } {
  if (district.towns && rng.chance(0.7)) {
    const town = rng.pick(district.towns);
    const village = rng.pick(town.villages);
    const no = rng.int(1, 260);
    return {
      zh: `${district.nameZh}${town.zh}${village.zh}${no}号`,
      en: `No. ${no}, ${village.en}, ${town.en}, ${district.nameEn}`,
    };
  }
  const street = rng.pick(district.streets);
  const compound = rng.pick(COMPOUNDS);
  const no = rng.int(1, 399);
  const building = rng.int(1, 28);
  const unit = rng.int(1, 4);
  const room = `${rng.int(1, 18)}${pad(rng.int(1, 4), 2)}`;
  return {
    zh: `${district.nameZh}${street.zh}${no}号${compound.zh}${building}号楼${unit}单元${room}室`,
    en: `Rm ${room}, Unit ${unit}, Bldg ${building}, ${compound.en}, ${no} ${street.en}, ${district.nameEn}`,
  };
}

function makeName(rng: Random): string {
  return rng.weighted(SURNAMES) + rng.pick(GIVEN_NAMES);
}

/**
 * An opening date from 2003 to 2015, so a household keeps its date whatever --months says; for
 * a series that starts earlier it is pulled back to two months before the first period.
 */
function randomDateBefore(rng: Random, firstPeriod: string): string {
  const year = Number(firstPeriod.slice(0, 4));
  const month = Number(firstPeriod.slice(5, 7));
  const latest = year * 12 + month - 1 - 2;
  const serial = Math.min(rng.int(2003 * 12, 2015 * 12 + 11), latest);
  return `${Math.floor(serial / 12)}-${pad((serial % 12) + 1, 2)}-${pad(rng.int(1, 28), 2)}`;
}

/** The last completed month in Asia/Shanghai, `YYYY-MM`. */
export function lastCompletedMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  const serial = year * 12 + month - 1 - 1;
  return `${Math.floor(serial / 12)}-${pad((serial % 12) + 1, 2)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
