/**
 * The people and tariffs of the demo city. Tests, the e2e suite and the README use these
 * constants, so they live in one place.
 */
import type { TRole } from '../../src/server/db/schema/users';
import {
  accountNumberOf,
  createCityContext,
  generateHousehold,
  RESERVED_HOLDERS,
  type TSeedArgs,
} from './generate-city';

/** Every demo user signs in with this password. */
export const DEMO_PASSWORD = 'wanjia-demo-2026';

export type TDemoUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  department: string | null;
  /** Households (1-based) whose water and electricity accounts this user holds. */
  households: number[];
};

export const DEMO_RESIDENT: TDemoUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'resident@wanjia.example',
  name: RESERVED_HOLDERS[1] ?? '张秀英',
  role: 'resident',
  department: null,
  households: [1],
};

export const DEMO_LANDLORD: TDemoUser = {
  id: '00000000-0000-4000-8000-000000000002',
  email: 'landlord@wanjia.example',
  name: RESERVED_HOLDERS[2] ?? '王建国',
  role: 'resident',
  department: null,
  households: [2, 3],
};

export const DEMO_STAFF: readonly TDemoUser[] = [
  staff(3, 'agent', '李娜', '客服中心'),
  staff(4, 'billing', '刘洋', '营业收费部'),
  staff(5, 'reviewer', '陈静', '民生保障科'),
  staff(6, 'supervisor', '赵志强', '客服中心'),
  staff(7, 'admin', '孙伟', '信息中心'),
];

export const DEMO_USERS: readonly TDemoUser[] = [DEMO_RESIDENT, DEMO_LANDLORD, ...DEMO_STAFF];

/** Alias used by scripts/demo.ts and the README. */
export const DEMO_PEOPLE = DEMO_USERS;

function staff(n: number, role: TRole, name: string, department: string): TDemoUser {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email: `${role}@wanjia.example`,
    name,
    role,
    department,
    households: [],
  };
}

/** Households the demo users already hold; everything after them is free to link. */
export const FIRST_UNLINKED_HOUSEHOLD = 4;

export type TDemoTariff = {
  utility: 'water' | 'electricity';
  code: string;
  nameZh: string;
  nameEn: string;
  tierPeriod: 'year' | 'month';
  /** Tier upper bounds per year (null = open) and unit prices, as numeric strings. */
  tiers: { upTo: string | null; unitPrice: string }[];
  /** Per-unit surcharges billed as their own line (sewage treatment on water). */
  surcharges?: { code: string; nameZh: string; nameEn: string; unitPrice: string }[];
};

/**
 * Residential tiered (阶梯) prices on annual usage. Water prices exclude the sewage-treatment
 * charge (污水处理费), billed per m³ as its own line as real water bills print it. The source
 * articles (../shared/seeds) name no figure; ¥1.42 per m³ is a published residential figure
 * (a city's three-tier water price split into supply ¥1.42, sewage treatment ¥1.42 and water
 * resource ¥0.20 per m³), so the demo shows an allowance waiving units and their sewage charge.
 */
export const DEMO_TARIFFS: readonly TDemoTariff[] = [
  {
    utility: 'electricity',
    code: 'ELEC-RES',
    nameZh: '居民生活用电阶梯电价',
    nameEn: 'Residential electricity, tiered',
    tierPeriod: 'year',
    tiers: [
      { upTo: '2760', unitPrice: '0.538' },
      { upTo: '4800', unitPrice: '0.588' },
      { upTo: null, unitPrice: '0.838' },
    ],
  },
  {
    utility: 'water',
    code: 'WATER-RES',
    nameZh: '居民生活用水阶梯水价',
    nameEn: 'Residential water, tiered',
    tierPeriod: 'year',
    tiers: [
      { upTo: '180', unitPrice: '5.00' },
      { upTo: '260', unitPrice: '7.00' },
      { upTo: null, unitPrice: '9.00' },
    ],
    surcharges: [
      { code: 'SEWAGE', nameZh: '污水处理费', nameEn: 'Sewage treatment', unitPrice: '1.42' },
    ],
  },
];

export type TDemoHouseholdAccounts = {
  household: number;
  holderName: string;
  addressZh: string;
  water: { accountNumber: string; verificationCode: string };
  electricity: { accountNumber: string; verificationCode: string };
};

/**
 * Account numbers and verification codes of `n` households no demo user holds, computed by the
 * generator (no database): e2e tests link them. Distinct `offset`s give disjoint sets.
 */
export function demoUnlinkedHouseholds(
  args: TSeedArgs,
  n: number,
  offset = 0,
): TDemoHouseholdAccounts[] {
  const ctx = createCityContext(args);
  const first = FIRST_UNLINKED_HOUSEHOLD + offset;
  if (first + n - 1 > args.households)
    throw new Error(`the city has only ${args.households} households`);
  const result: TDemoHouseholdAccounts[] = [];
  for (let index = first; index < first + n; index++) {
    const household = generateHousehold(ctx, index, 1);
    const [water, electricity] = household.accounts;
    result.push({
      household: index,
      holderName: water.holderName,
      addressZh: household.premises.addressZh,
      water: {
        accountNumber: accountNumberOf(ctx, index, 'water'),
        verificationCode: water.verificationCode,
      },
      electricity: {
        accountNumber: accountNumberOf(ctx, index, 'electricity'),
        verificationCode: electricity.verificationCode,
      },
    });
  }
  return result;
}
