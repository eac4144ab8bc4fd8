import {
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
  date,
} from 'drizzle-orm/pg-core';
import { utilityEnum } from './accounts';

/**
 * Monthly usage of similar households: same utility, district and household size. Computed by
 * the usage job (and on demand for a group the job has not reached yet), because a per-request
 * percentile over a district's households is too slow at city scale (650k households).
 * `efficient` is the 20th percentile: the usage the most efficient fifth of homes stay under.
 */
export const usagePeerStats = pgTable(
  'usage_peer_stats',
  {
    utility: utilityEnum().notNull(),
    districtId: integer().notNull(),
    householdSize: smallint().notNull(),
    /** First day of the month. */
    period: date({ mode: 'string' }).notNull(),
    households: integer().notNull(),
    median: numeric({ precision: 12, scale: 2 }).notNull(),
    efficient: numeric({ precision: 12, scale: 2 }).notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.utility, t.districtId, t.householdSize, t.period] })],
);
