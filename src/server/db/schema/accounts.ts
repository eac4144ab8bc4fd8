import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';
import { users } from './users';

export const UTILITIES = ['water', 'electricity'] as const;
export type TUtility = (typeof UTILITIES)[number];
export const utilityEnum = pgEnum('utility', UTILITIES);

export const ACCOUNT_STATUSES = ['active', 'suspended', 'closed'] as const;
export const accountStatusEnum = pgEnum('account_status', ACCOUNT_STATUSES);

export const districts = pgTable('districts', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  code: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  /** Rural districts get longer on-site repair commitments. */
  rural: boolean().notNull().default(false),
});

/**
 * A service point (供电所 / 供水所): the local office of one utility that answers for the cases
 * of its area — configured data, one per district and utility in the demo city. A case belongs
 * to the point of its premises' district and its utility (ADR 015); the public ratings (万众评)
 * are published per point as well as per department.
 */
export const servicePoints = pgTable(
  'service_points',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    code: text().notNull(),
    utility: utilityEnum().notNull(),
    districtId: integer()
      .notNull()
      .references(() => districts.id),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
  },
  (t) => [
    uniqueIndex('service_points_code_key').on(t.code),
    uniqueIndex('service_points_district_utility_key').on(t.districtId, t.utility),
  ],
);

/** A dwelling: the household that water and electricity accounts supply. */
export const premises = pgTable(
  'premises',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    districtId: integer()
      .notNull()
      .references(() => districts.id),
    addressZh: text().notNull(),
    addressEn: text().notNull(),
    householdSize: smallint().notNull(),
    /** Civil-affairs 低保 certificate number when the household is registered low-income. */
    lowIncomeCertificate: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('premises_district_idx').on(t.districtId),
    check('premises_household_size_check', sql`${t.householdSize} between 1 and 20`),
  ],
);

/** A service account (户号): one utility at one premises, billed to one holder. */
export const serviceAccounts = pgTable(
  'service_accounts',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** The 10-digit number printed on bills: first digit 1 = water, 2 = electricity. */
    accountNumber: text().notNull(),
    utility: utilityEnum().notNull(),
    premisesId: integer()
      .notNull()
      .references(() => premises.id),
    holderName: text().notNull(),
    /** 6-digit code printed on every bill; proves the person linking holds a bill. */
    verificationCode: text().notNull(),
    status: accountStatusEnum().notNull().default('active'),
    openedOn: date({ mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('service_accounts_number_key').on(t.accountNumber),
    index('service_accounts_premises_idx').on(t.premisesId),
    index('service_accounts_holder_idx').on(t.holderName),
  ],
);

export const LINK_ROLES = ['holder', 'payer'] as const;

/** Which signed-in users may act for which service accounts. */
export const accountLinks = pgTable(
  'account_links',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: integer()
      .notNull()
      .references(() => serviceAccounts.id, { onDelete: 'cascade' }),
    role: text({ enum: LINK_ROLES }).notNull().default('holder'),
    verifiedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.accountId] }),
    index('account_links_account_idx').on(t.accountId),
  ],
);

export const meters = pgTable(
  'meters',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => serviceAccounts.id),
    serialNumber: text().notNull(),
    installedOn: date({ mode: 'string' }).notNull(),
    /** Set when the meter was replaced; its last reading closes its series. */
    removedOn: date({ mode: 'string' }),
  },
  (t) => [
    uniqueIndex('meters_serial_key').on(t.serialNumber),
    index('meters_account_idx').on(t.accountId),
  ],
);

export const READING_KINDS = ['actual', 'estimated', 'customer'] as const;
export const readingKindEnum = pgEnum('reading_kind', READING_KINDS);

/**
 * Monthly meter readings. `period` is the first day of the month the reading closes.
 * Keyed by account then period so the table can be partitioned by period and distributed by
 * account (ARCHITECTURE §8). A missing reading is a missing row.
 */
export const meterReadings = pgTable(
  'meter_readings',
  {
    accountId: integer().notNull(),
    period: date({ mode: 'string' }).notNull(),
    meterId: integer().notNull(),
    readOn: date({ mode: 'string' }).notNull(),
    /** Cumulative register value (kWh or m³). */
    reading: numeric({ precision: 12, scale: 2 }).notNull(),
    /** Usage since the previous reading on this account (new meter: since installation). */
    consumption: numeric({ precision: 12, scale: 2 }).notNull(),
    kind: readingKindEnum().notNull().default('actual'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.period, t.meterId] })],
);
