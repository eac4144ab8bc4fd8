import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { districts, serviceAccounts, utilityEnum } from './accounts';
import { users } from './users';

/**
 * Kinds of service notice. `planned_outage` is a planned electricity cut (停电通知); water has
 * its own outage (停水通知), low-pressure supply during works (降压供水) and published
 * water-quality results (水质公告); `works` (施工公告) may concern either utility.
 */
export const NOTICE_KINDS = [
  'planned_outage',
  'water_outage',
  'works',
  'low_pressure',
  'water_quality',
] as const;
export type TNoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * `cancelled`: the work will not happen (residents are told, the notice stays listed, marked);
 * `withdrawn`: published in error, taken off the lists (ADR 011, 015).
 */
export const NOTICE_STATUSES = ['draft', 'published', 'cancelled', 'withdrawn'] as const;
export type TNoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * A service notice. Titles and bodies are written in Chinese; English is optional (pages fall
 * back to the Chinese text and say so). Start and end are instants (entered in Asia/Shanghai).
 */
export const notices = pgTable(
  'notices',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: text({ enum: NOTICE_KINDS }).notNull(),
    utility: utilityEnum().notNull(),
    titleZh: text().notNull(),
    titleEn: text(),
    bodyZh: text().notNull(),
    bodyEn: text(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Published with less than the required lead time; the reason is kept and shown. */
    emergency: boolean().notNull().default(false),
    emergencyReason: text(),
    status: text({ enum: NOTICE_STATUSES }).notNull().default('draft'),
    createdByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true }),
    publishedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    withdrawnReason: text(),
    /** How many times the published notice was revised (times, text, targets). */
    revision: integer().notNull().default(0),
    revisedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledReason: text(),
    /** Set when the notify job has reached every resident it targets. */
    notifiedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('notices_status_ends_idx').on(t.status, t.endsAt),
    check('notices_end_after_start_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Where a notice applies: a whole district, or the premises of one service account. */
export const noticeTargets = pgTable(
  'notice_targets',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    noticeId: integer()
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    districtId: integer().references(() => districts.id),
    accountId: integer().references(() => serviceAccounts.id),
  },
  (t) => [
    uniqueIndex('notice_targets_notice_district_key').on(t.noticeId, t.districtId),
    uniqueIndex('notice_targets_notice_account_key').on(t.noticeId, t.accountId),
    index('notice_targets_district_idx').on(t.districtId),
    index('notice_targets_account_idx').on(t.accountId),
    check(
      'notice_targets_one_target_check',
      sql`(${t.districtId} is null) <> (${t.accountId} is null)`,
    ),
  ],
);

/**
 * Who is to be told about a notice and who has been: the notify job first writes one row per
 * affected (notice, user) with `delivered_at` null (one set-based INSERT), then claims pending
 * rows in batches, setting `delivered_at` in the same transaction as the notification — so the
 * job can be re-run and tells no one twice.
 */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    noticeId: integer()
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null while the resident is still to be told. */
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.userId] }),
    index('notice_deliveries_pending_idx')
      .on(t.noticeId, t.userId)
      .where(sql`${t.deliveredAt} is null`),
  ],
);

export const NOTICE_REVISION_KINDS = ['revised', 'cancelled'] as const;
export type TNoticeRevisionKind = (typeof NOTICE_REVISION_KINDS)[number];

/** One instant before and after a revision. */
export type TNoticeTimeChange = { from: string; to: string };

/** A district as a revision names it (kept as it was named then). */
export type TNoticeChangedDistrict = { id: number; zh: string; en: string };

/**
 * What a revision changed, as residents are told: moved times, whether the texts changed,
 * districts added or removed and how many single accounts were added or removed. `schedule`
 * is the start and end after the change (ISO instants), whatever changed.
 */
export type TNoticeChanges = {
  schedule: { startsAt: string; endsAt: string };
  startsAt?: TNoticeTimeChange;
  endsAt?: TNoticeTimeChange;
  text?: true;
  emergency?: { from: boolean; to: boolean };
  districtsAdded?: TNoticeChangedDistrict[];
  districtsRemoved?: TNoticeChangedDistrict[];
  accountsAdded?: number;
  accountsRemoved?: number;
};

/**
 * A change to a published notice (revised or cancelled), with the reason staff gave. The
 * residents who had already been told when it was made are listed in
 * `notice_revision_deliveries` in the same transaction and told about it once (ADR 015).
 */
export const noticeRevisions = pgTable(
  'notice_revisions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    noticeId: integer()
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    /** 1, 2, … in the notice's order. */
    revision: integer().notNull(),
    kind: text({ enum: NOTICE_REVISION_KINDS }).notNull(),
    changes: jsonb().$type<TNoticeChanges>().notNull(),
    reason: text().notNull(),
    actorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** Set when every resident listed for it was told. */
    notifiedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notice_revisions_notice_revision_key').on(t.noticeId, t.revision),
    index('notice_revisions_unnotified_idx')
      .on(t.id)
      .where(sql`${t.notifiedAt} is null`),
  ],
);

/** Who is to be told about a revision and who was (the same claim pattern as notice_deliveries). */
export const noticeRevisionDeliveries = pgTable(
  'notice_revision_deliveries',
  {
    revisionId: integer()
      .notNull()
      .references(() => noticeRevisions.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.userId] }),
    index('notice_revision_deliveries_pending_idx')
      .on(t.revisionId, t.userId)
      .where(sql`${t.deliveredAt} is null`),
  ],
);
