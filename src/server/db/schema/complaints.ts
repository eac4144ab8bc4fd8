import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { districts, premises, serviceAccounts, servicePoints } from './accounts';
import { users } from './users';

export const COMPLAINT_CATEGORIES = ['fault', 'complaint', 'billing_query', 'illegal_use'] as const;
export type TComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const complaintCategoryEnum = pgEnum('complaint_category', COMPLAINT_CATEGORIES);

export const COMPLAINT_STATUSES = ['new', 'in_progress', 'awaiting_resident', 'closed'] as const;
export type TComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const complaintStatusEnum = pgEnum('complaint_status', COMPLAINT_STATUSES);

/**
 * Departments that handle cases (客服中心, 抢修中心, 营业厅, 稽查队). Each category has a default
 * department; staff route a case to another. Public ratings are per department.
 */
export const COMPLAINT_DEPARTMENTS = [
  'service_centre',
  'repair',
  'business_hall',
  'inspection',
] as const;
export type TComplaintDepartment = (typeof COMPLAINT_DEPARTMENTS)[number];
export const complaintDepartmentEnum = pgEnum('complaint_department', COMPLAINT_DEPARTMENTS);

/** Which staff work in which department (an agent may see only their departments' notes). */
export const complaintDepartmentMembers = pgTable(
  'complaint_department_members',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    department: complaintDepartmentEnum().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.department] })],
);

/** The last reference number handed out per year (`WJ-2026-000123`). */
export const complaintReferenceCounters = pgTable('complaint_reference_counters', {
  year: smallint().primaryKey(),
  last: integer().notNull(),
});

/**
 * A complaint, fault report, billing query or illegal-use report (违章举报). Two committed
 * deadlines: the first response (fault: crew on site; others: first contact) and the answer
 * (fault: supply restored). Each deadline escalates at most once (`*EscalatedAt`).
 */
export const complaints = pgTable(
  'complaints',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    reference: text().notNull(),
    category: complaintCategoryEnum().notNull(),
    subType: text().notNull(),
    /** Null for an illegal-use report filed without signing in. */
    filedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    accountId: integer().references(() => serviceAccounts.id),
    premisesId: integer().references(() => premises.id),
    districtId: integer().references(() => districts.id),
    /**
     * The service point that answers for the case (its district and utility), fixed at filing;
     * null when neither an account nor the report names a district (ADR 015).
     */
    servicePointId: integer().references(() => servicePoints.id),
    /** Rural premises get the longer repair commitments. */
    rural: boolean().notNull().default(false),
    /** Where it happens, when no account says so (illegal-use reports). */
    location: text(),
    /** Reply address of an anonymous reporter who chose to leave one. */
    contactEmail: text(),
    /** The language the anonymous reporter wrote in: the answer is mailed in it. */
    contactLocale: text(),
    description: text().notNull(),
    status: complaintStatusEnum().notNull().default('new'),
    department: complaintDepartmentEnum().notNull(),
    assigneeUserId: text().references(() => users.id, { onDelete: 'set null' }),
    firstResponseDueAt: timestamp({ withTimezone: true }),
    firstRespondedAt: timestamp({ withTimezone: true }),
    firstResponseEscalatedAt: timestamp({ withTimezone: true }),
    answerDueAt: timestamp({ withTimezone: true }).notNull(),
    answerEscalatedAt: timestamp({ withTimezone: true }),
    /**
     * The earliest deadline still pending (first response, else answer); null once closed.
     * The staff queue sorts on it, so "overdue first" is an index scan.
     */
    nextDueAt: timestamp({ withTimezone: true }),
    /** Latest escalation of any kind (overdue or a dissatisfied rating): supervisor's attention. */
    escalatedAt: timestamp({ withTimezone: true }),
    /** First closing: the answer the public ratings measure against the commitment. */
    firstClosedAt: timestamp({ withTimezone: true }),
    answeredOnTime: boolean(),
    closedAt: timestamp({ withTimezone: true }),
    reopenedCount: smallint().notNull().default(0),
    rating: smallint(),
    ratingComment: text(),
    ratedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('complaints_reference_key').on(t.reference),
    index('complaints_filed_by_idx').on(t.filedByUserId, t.createdAt),
    index('complaints_queue_idx')
      .on(t.nextDueAt)
      .where(sql`${t.status} <> 'closed'`),
    index('complaints_queue_department_idx')
      .on(t.department, t.nextDueAt)
      .where(sql`${t.status} <> 'closed'`),
    index('complaints_closed_idx')
      .on(t.department, t.closedAt)
      .where(sql`${t.status} = 'closed'`),
    // The escalation job's lookups. Their predicates leave out the `*EscalatedAt` columns (the
    // job filters those on the row) and no index holds `escalatedAt`/`updatedAt`, so escalating
    // changes no indexed value: with the table's fillfactor 50 (migration 0013, not modelled by
    // Drizzle) the rewrite is a HOT update that touches none of these nine indexes.
    index('complaints_first_response_pending_idx')
      .on(t.firstResponseDueAt)
      .where(sql`${t.firstRespondedAt} is null and ${t.status} <> 'closed'`),
    index('complaints_answer_pending_idx')
      .on(t.answerDueAt)
      .where(sql`${t.status} <> 'closed'`),
    // The public ratings read a range of filing months and only these columns: an index-only
    // scan once the months are all-visible. None of them is written by the escalation (HOT).
    index('complaints_ratings_idx').on(
      t.createdAt,
      t.department,
      t.servicePointId,
      t.firstClosedAt,
      t.answeredOnTime,
      t.rating,
    ),
    check('complaints_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

export const COMPLAINT_EVENT_KINDS = [
  'filed',
  'assigned',
  'routed',
  'status_changed',
  'reply',
  'internal_note',
  'resident_message',
  'escalated',
  'closed',
  'rated',
  'reopened',
] as const;
export type TComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];
export const complaintEventKindEnum = pgEnum('complaint_event_kind', COMPLAINT_EVENT_KINDS);

/** The case timeline. Internal notes and routing are staff-only (`residentVisible` false). */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    complaintId: integer()
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    kind: complaintEventKindEnum().notNull(),
    residentVisible: boolean().notNull(),
    /** Null for the system (escalation job) and anonymous reporters. */
    actorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    body: text(),
    detail: jsonb().$type<Record<string, string | number | null>>(),
    createdAt: createdAt(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.id)],
);

/** Uploaded photos and documents (jpg, png, pdf), kept in the file store, never in public/. */
export const complaintAttachments = pgTable(
  'complaint_attachments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    complaintId: integer()
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    eventId: bigint({ mode: 'number' }).references(() => complaintEvents.id, {
      onDelete: 'set null',
    }),
    fileKey: text().notNull(),
    originalName: text().notNull(),
    /** The type read from the file's content, not its name. */
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    uploadedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('complaint_attachments_key').on(t.fileKey),
    index('complaint_attachments_complaint_idx').on(t.complaintId),
  ],
);
