import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { serviceAccounts } from './accounts';
import { users } from './users';

/**
 * Fee waivers (issue 7): staff-configured programmes, residents' applications with documents,
 * reviewers' append-only decisions and the grants the billing run applies to bills.
 */

export const ASSISTANCE_RULE_KINDS = ['allowance', 'fixed_share'] as const;
export type TAssistanceRuleKind = (typeof ASSISTANCE_RULE_KINDS)[number];

export const QUESTION_KINDS = ['yes_no', 'number', 'text', 'choice'] as const;
export type TQuestionKind = (typeof QUESTION_KINDS)[number];

/** One plain question on the application form, asked in the reader's language. */
export type TAssistanceQuestion = {
  /** Stable key of the answer in `answers` (letters, digits, `_`). */
  id: string;
  kind: TQuestionKind;
  labelZh: string;
  labelEn: string;
  required: boolean;
  /** Only for kind 'choice'. */
  choices?: { value: string; labelZh: string; labelEn: string }[];
};

/** A document the application asks for (a 低保 certificate, an ID card, …). */
export type TRequiredDocument = {
  id: string;
  labelZh: string;
  labelEn: string;
  required: boolean;
};

export const assistancePrograms = pgTable(
  'assistance_programs',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** Letters only, upper case; starts every reference number (`DB-2026-000045`). */
    code: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    descriptionZh: text().notNull(),
    descriptionEn: text().notNull(),
    ruleKind: text({ enum: ASSISTANCE_RULE_KINDS }).notNull(),
    /** 'allowance': free units a month per utility (m³ of water, kWh of electricity). */
    allowanceWater: numeric({ precision: 10, scale: 2 }),
    allowanceElectricity: numeric({ precision: 10, scale: 2 }),
    /** 'fixed_share': the share of fixed monthly charges waived, in percent (0–100]. */
    fixedSharePercent: numeric({ precision: 5, scale: 2 }),
    questions: jsonb().$type<TAssistanceQuestion[]>().notNull().default([]),
    documents: jsonb().$type<TRequiredDocument[]>().notNull().default([]),
    defaultValidityMonths: smallint().notNull().default(12),
    renewable: boolean().notNull().default(true),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('assistance_programs_code_key').on(t.code),
    check(
      'assistance_programs_rule_check',
      sql`(${t.ruleKind} = 'allowance' AND (${t.allowanceWater} > 0 OR ${t.allowanceElectricity} > 0))
       OR (${t.ruleKind} = 'fixed_share' AND ${t.fixedSharePercent} > 0 AND ${t.fixedSharePercent} <= 100)`,
    ),
    check('assistance_programs_validity_check', sql`${t.defaultValidityMonths} between 1 and 60`),
  ],
);

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'info_requested',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type TApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const CONSENT_METHODS = ['signed_form', 'in_person', 'phone'] as const;
export type TConsentMethod = (typeof CONSENT_METHODS)[number];
/** How a household without a portal login agrees: a signed paper form (uploaded) or in person. */
export const ACCOUNT_CONSENT_METHODS = [
  'signed_form',
  'in_person',
] as const satisfies readonly TConsentMethod[];

export const assistanceApplications = pgTable(
  'assistance_applications',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** `DB-2026-000045`: programme code, year filed, id. */
    reference: text().notNull(),
    programId: integer()
      .notNull()
      .references(() => assistancePrograms.id),
    /**
     * The resident the application is for (the grant's household). Null when an officer filed
     * for a household without a portal login: the application then belongs to its account
     * (proved by the account number and the code on the bill), and whoever links that account
     * later sees it too.
     */
    applicantUserId: text().references(() => users.id),
    /** The account holder's name as on the account (applications without an applicant). */
    holderName: text(),
    /** Where to reach the household about the decision (applications without an applicant). */
    contactPhone: text(),
    /** A community service officer who filed it on the resident's behalf; null = the resident. */
    filedByUserId: text().references(() => users.id),
    /** How the resident agreed to the officer filing for them (required when filedByUserId). */
    consentMethod: text({ enum: CONSENT_METHODS }),
    consentGivenOn: date({ mode: 'string' }),
    consentRecordedAt: timestamp({ withTimezone: true }),
    consentNote: text(),
    /** The application this one renews (its grants continue without a gap). */
    renewsApplicationId: integer(),
    /** Answers by question id, as typed (strings). */
    answers: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: text({ enum: APPLICATION_STATUSES }).notNull().default('draft'),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    /** Time spent waiting for the resident (information requested), not counted as waiting. */
    pausedSeconds: integer().notNull().default(0),
    pausedSince: timestamp({ withTimezone: true }),
    /** When the retention job deleted the documents (the decision is kept). */
    documentsPurgedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('assistance_applications_reference_key').on(t.reference),
    index('assistance_applications_applicant_idx').on(t.applicantUserId),
    index('assistance_applications_queue_idx').on(t.status, t.submittedAt),
    check(
      'assistance_applications_consent_check',
      sql`${t.filedByUserId} IS NULL OR (${t.consentMethod} IS NOT NULL AND ${t.consentGivenOn} IS NOT NULL AND ${t.consentRecordedAt} IS NOT NULL)`,
    ),
    check(
      'assistance_applications_holder_check',
      sql`${t.applicantUserId} IS NOT NULL OR (${t.filedByUserId} IS NOT NULL AND ${t.holderName} IS NOT NULL AND ${t.contactPhone} IS NOT NULL)`,
    ),
  ],
);

/** The service accounts an application (and later its grants) covers. */
export const assistanceApplicationAccounts = pgTable(
  'assistance_application_accounts',
  {
    applicationId: integer()
      .notNull()
      .references(() => assistanceApplications.id, { onDelete: 'cascade' }),
    accountId: integer()
      .notNull()
      .references(() => serviceAccounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.accountId] }),
    index('assistance_application_accounts_account_idx').on(t.accountId),
  ],
);

export const assistanceDocuments = pgTable(
  'assistance_documents',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    applicationId: integer()
      .notNull()
      .references(() => assistanceApplications.id, { onDelete: 'cascade' }),
    /** Which required document this is (a TRequiredDocument id), or 'other'. */
    requirement: text().notNull(),
    /** File-store key under `assistance/<applicationId>/`; never under public/. */
    fileKey: text().notNull(),
    /** The type sniffed from the content: image/jpeg, image/png or application/pdf. */
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    /** The name the person's device gave the file, shown back to them only. */
    originalName: text().notNull(),
    uploadedByUserId: text().notNull(),
    createdAt: createdAt(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('assistance_documents_application_idx').on(t.applicationId)],
);

export const DECISION_KINDS = ['approve', 'reject', 'request_info'] as const;
export type TDecisionKind = (typeof DECISION_KINDS)[number];

export const REJECTION_REASONS = [
  'not_registered',
  'not_eligible',
  'documents_unreadable',
  'documents_missing',
  'account_not_household',
  'duplicate',
  'other',
] as const;
export type TRejectionReason = (typeof REJECTION_REASONS)[number];

/** Append-only: every decision, request and supervisor override as it was made. */
export const assistanceDecisions = pgTable(
  'assistance_decisions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    applicationId: integer()
      .notNull()
      .references(() => assistanceApplications.id, { onDelete: 'cascade' }),
    kind: text({ enum: DECISION_KINDS }).notNull(),
    /** Approvals: the months the grant covers, first day to last day inclusive. */
    validFrom: date({ mode: 'string' }),
    validTo: date({ mode: 'string' }),
    reasonCode: text({ enum: REJECTION_REASONS }),
    /** Rejections: free text shown to the resident; info requests: what is needed. */
    message: text(),
    /** A supervisor changing an earlier decision, with their recorded reason. */
    override: boolean().notNull().default(false),
    overrideReason: text(),
    decidedByUserId: text()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('assistance_decisions_application_idx').on(t.applicationId, t.createdAt),
    check('assistance_decisions_message_length', sql`char_length(${t.message}) <= 2000`),
  ],
);

/** The resident's answers to an information request (text; documents are uploaded as usual). */
export const assistanceReplies = pgTable(
  'assistance_replies',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    applicationId: integer()
      .notNull()
      .references(() => assistanceApplications.id, { onDelete: 'cascade' }),
    decisionId: integer()
      .notNull()
      .references(() => assistanceDecisions.id),
    message: text().notNull(),
    repliedByUserId: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assistance_replies_decision_key').on(t.decisionId),
    check('assistance_replies_message_length', sql`char_length(${t.message}) <= 2000`),
  ],
);

/**
 * What the billing run applies: one programme to one account over whole months
 * (validFrom = a month's first day, validTo = a month's last day). Unique per application and
 * account, so approving twice leaves one grant. A supervisor's override revokes instead of
 * deleting.
 */
export const assistanceGrants = pgTable(
  'assistance_grants',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => serviceAccounts.id),
    programId: integer()
      .notNull()
      .references(() => assistancePrograms.id),
    applicationId: integer()
      .notNull()
      .references(() => assistanceApplications.id),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assistance_grants_application_account_key').on(t.applicationId, t.accountId),
    index('assistance_grants_account_idx').on(t.accountId, t.validTo),
    check('assistance_grants_validity_check', sql`${t.validFrom} <= ${t.validTo}`),
  ],
);

/**
 * A waiver credited on a later bill for a bill issued before the grant was approved: one per
 * grant and earlier bill, written by the billing run with the bill it appears on.
 */
export const assistanceCredits = pgTable(
  'assistance_credits',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    grantId: integer().notNull(),
    /** The earlier bill the waiver was missing from. */
    billId: bigint({ mode: 'number' }).notNull(),
    /** The bill whose 'credit' line carries it. */
    creditedOnBillId: bigint({ mode: 'number' }).notNull(),
    amountFen: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assistance_credits_grant_bill_key').on(t.grantId, t.billId),
    index('assistance_credits_on_bill_idx').on(t.creditedOnBillId),
    // Credits given for a bill: the annual report and the billing run's owed-bill check look
    // them up by the bill they waive (the unique key leads with the grant).
    index('assistance_credits_bill_idx').on(t.billId),
  ],
);
