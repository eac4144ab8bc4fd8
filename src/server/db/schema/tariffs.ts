import {
  date,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  index,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { utilityEnum } from './accounts';

/**
 * Versioned tariffs (table only for now; the billing issue adds the rules around it).
 * Prices are numeric strings; amounts elsewhere are integer fen.
 */
export const tariffs = pgTable(
  'tariffs',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    utility: utilityEnum().notNull(),
    code: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    /** Exclusive; null = open-ended. */
    effectiveTo: date({ mode: 'string' }),
    tierPeriod: text({ enum: ['year', 'month'] }).notNull(),
    currency: text().notNull().default('CNY'),
    fixedMonthlyFen: integer().notNull().default(0),
    /** Tier thresholds grow by each tier's extraPerPerson for every person above this size. */
    baseHouseholdSize: smallint().notNull().default(4),
    createdByUserId: text(),
    createdAt: createdAt(),
  },
  (t) => [index('tariffs_utility_idx').on(t.utility, t.effectiveFrom)],
);

export const tariffTiers = pgTable(
  'tariff_tiers',
  {
    tariffId: integer()
      .notNull()
      .references(() => tariffs.id, { onDelete: 'cascade' }),
    tierNo: smallint().notNull(),
    /** Upper bound of the tier in units per tier period; null = no upper bound. */
    upTo: numeric({ precision: 12, scale: 2 }),
    /** Extra allowance per person above the base household size. */
    extraPerPerson: numeric({ precision: 12, scale: 2 }).notNull().default('0'),
    unitPrice: numeric({ precision: 10, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tariffId, t.tierNo] })],
);

/**
 * Per-unit surcharges billed with a tariff, e.g. sewage treatment on water (污水处理费).
 * One line per surcharge on the bill.
 */
export const tariffSurcharges = pgTable(
  'tariff_surcharges',
  {
    tariffId: integer()
      .notNull()
      .references(() => tariffs.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    unitPrice: numeric({ precision: 10, scale: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tariffId, t.code] })],
);
