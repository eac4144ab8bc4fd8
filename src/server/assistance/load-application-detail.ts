import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { TDb } from '../db';
import {
  accountLinks,
  assistanceApplicationAccounts,
  assistanceDecisions,
  assistanceDocuments,
  assistanceGrants,
  assistancePrograms,
  assistanceReplies,
  premises,
  serviceAccounts,
  users,
} from '../db/schema';
import { rowsOf } from '../db/rows-of';
import { programColumns, programFromRow } from './program-row';
import type { TApplicationDetail } from './types';

type TExecutor = Pick<TDb, 'select' | 'execute'>;

/** Seconds waited for staff: since submission, less the time spent waiting for the resident. */
export function waitingSecondsSql(alias = 'app'): SQL {
  const a = sql.raw(alias);
  return sql`CASE WHEN ${a}.submitted_at IS NULL THEN NULL ELSE greatest(0,
      extract(epoch FROM (coalesce(${a}.decided_at, now()) - ${a}.submitted_at))::int
      - ${a}.paused_seconds
      - CASE WHEN ${a}.paused_since IS NULL THEN 0
             ELSE extract(epoch FROM (now() - ${a}.paused_since))::int END) END`;
}

/**
 * The whole application for one page, once `access` (a condition on alias `app`) has proved
 * the reader may see it. `staffView` adds who decided; residents see decisions without names.
 */
export async function loadApplicationDetail(
  db: TExecutor,
  input: {
    applicationId: number;
    access: SQL;
    staffView: boolean;
    editableBy: string | null;
    /** The reader may file for others (`file:assistance:behalf`): renews what they filed. */
    filesForOthers?: boolean;
  },
): Promise<TApplicationDetail | null> {
  const row = rowsOf<{
    id: number;
    reference: string;
    status: TApplicationDetail['status'];
    program_id: number;
    applicant_user_id: string | null;
    applicant_name: string;
    holder_name: string | null;
    contact_phone: string | null;
    filed_by_user_id: string | null;
    filed_by_name: string | null;
    consent_method: NonNullable<TApplicationDetail['consent']>['method'] | null;
    consent_given_on: string | null;
    consent_recorded_at: string | null;
    consent_note: string | null;
    answers: Record<string, string>;
    renews_application_id: number | null;
    created_at: string;
    submitted_at: string | null;
    decided_at: string | null;
    documents_purged_at: string | null;
    waiting_seconds: number | null;
    renewed_by: number | null;
    renews_valid_to: string | null;
  }>(
    await db.execute(sql`
      SELECT app.id, app.reference, app.status, app.program_id, app.applicant_user_id,
             coalesce(u.name, app.holder_name) AS applicant_name, app.holder_name,
             app.contact_phone, app.filed_by_user_id, f.name AS filed_by_name,
             app.consent_method, app.consent_given_on::text AS consent_given_on,
             app.consent_recorded_at, app.consent_note, app.answers, app.renews_application_id,
             app.created_at, app.submitted_at, app.decided_at, app.documents_purged_at,
             ${waitingSecondsSql()} AS waiting_seconds,
             (SELECT r.id FROM assistance_applications r
               WHERE r.renews_application_id = app.id AND r.status NOT IN ('rejected', 'withdrawn')
               ORDER BY r.id DESC LIMIT 1) AS renewed_by,
             (SELECT max(g.valid_to)::text FROM assistance_grants g
               WHERE g.application_id = app.renews_application_id AND g.revoked_at IS NULL)
               AS renews_valid_to
        FROM assistance_applications app
        LEFT JOIN users u ON u.id = app.applicant_user_id
        LEFT JOIN users f ON f.id = app.filed_by_user_id
       WHERE app.id = ${input.applicationId} AND ${input.access}`),
  )[0];
  if (!row) return null;

  const [programRows, accounts, documents, decisions, replies, grants] = await Promise.all([
    db
      .select(programColumns)
      .from(assistancePrograms)
      .where(eq(assistancePrograms.id, row.program_id)),
    db
      .select({
        id: serviceAccounts.id,
        accountNumber: serviceAccounts.accountNumber,
        utility: serviceAccounts.utility,
        addressZh: premises.addressZh,
        addressEn: premises.addressEn,
      })
      .from(assistanceApplicationAccounts)
      .innerJoin(serviceAccounts, eq(serviceAccounts.id, assistanceApplicationAccounts.accountId))
      .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
      .where(eq(assistanceApplicationAccounts.applicationId, row.id))
      .orderBy(asc(serviceAccounts.id)),
    db
      .select({
        id: assistanceDocuments.id,
        requirement: assistanceDocuments.requirement,
        contentType: assistanceDocuments.contentType,
        sizeBytes: assistanceDocuments.sizeBytes,
        originalName: assistanceDocuments.originalName,
        uploadedAt: assistanceDocuments.createdAt,
        deletedAt: assistanceDocuments.deletedAt,
      })
      .from(assistanceDocuments)
      .where(eq(assistanceDocuments.applicationId, row.id))
      .orderBy(asc(assistanceDocuments.id)),
    db
      .select({
        id: assistanceDecisions.id,
        kind: assistanceDecisions.kind,
        validFrom: assistanceDecisions.validFrom,
        validTo: assistanceDecisions.validTo,
        reasonCode: assistanceDecisions.reasonCode,
        message: assistanceDecisions.message,
        override: assistanceDecisions.override,
        overrideReason: assistanceDecisions.overrideReason,
        decidedAt: assistanceDecisions.createdAt,
        decidedBy: users.name,
      })
      .from(assistanceDecisions)
      .innerJoin(users, eq(users.id, assistanceDecisions.decidedByUserId))
      .where(eq(assistanceDecisions.applicationId, row.id))
      .orderBy(asc(assistanceDecisions.id)),
    db
      .select({
        decisionId: assistanceReplies.decisionId,
        message: assistanceReplies.message,
        repliedAt: assistanceReplies.createdAt,
      })
      .from(assistanceReplies)
      .where(eq(assistanceReplies.applicationId, row.id)),
    db
      .select({
        accountId: assistanceGrants.accountId,
        validFrom: assistanceGrants.validFrom,
        validTo: assistanceGrants.validTo,
        revokedAt: assistanceGrants.revokedAt,
      })
      .from(assistanceGrants)
      .where(and(eq(assistanceGrants.applicationId, row.id)))
      .orderBy(asc(assistanceGrants.accountId)),
  ]);
  const editableStatus = row.status === 'draft' || row.status === 'info_requested';
  // The accounts a draft may cover: those linked to the applicant (not to an officer); an
  // application filed for a household without a login covers its own proved account only.
  const applicantAccounts =
    input.editableBy !== null && row.status === 'draft' && row.applicant_user_id !== null
      ? await db
          .select({
            id: serviceAccounts.id,
            accountNumber: serviceAccounts.accountNumber,
            utility: serviceAccounts.utility,
            addressZh: premises.addressZh,
            addressEn: premises.addressEn,
          })
          .from(accountLinks)
          .innerJoin(serviceAccounts, eq(serviceAccounts.id, accountLinks.accountId))
          .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
          .where(eq(accountLinks.userId, row.applicant_user_id))
          .orderBy(asc(serviceAccounts.id))
      : accounts;
  const programRow = programRows[0];
  if (!programRow) throw new Error('programme of an application is missing');
  const editableBy = input.editableBy;
  // Without an applicant, `access` has proved the reader filed it or holds its account.
  const mayEdit =
    editableBy !== null &&
    (row.applicant_user_id === editableBy ||
      row.filed_by_user_id === editableBy ||
      row.applicant_user_id === null);
  const program = programFromRow(programRow);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    program,
    applicant: { id: row.applicant_user_id, name: row.applicant_name },
    household:
      row.applicant_user_id === null && row.holder_name && row.contact_phone
        ? { holderName: row.holder_name, contactPhone: row.contact_phone }
        : null,
    filedBy: row.filed_by_name ? { name: row.filed_by_name } : null,
    consent:
      row.consent_method && row.consent_given_on && row.consent_recorded_at
        ? {
            method: row.consent_method,
            givenOn: row.consent_given_on,
            recordedAt: new Date(row.consent_recorded_at),
            note: row.consent_note,
          }
        : null,
    accounts: accounts.map((a) => ({
      id: a.id,
      accountNumber: a.accountNumber,
      utility: a.utility,
      address: { zh: a.addressZh, en: a.addressEn },
    })),
    answers: row.answers,
    documents: documents.map((d) => ({
      id: d.id,
      requirement: d.requirement,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      originalName: d.originalName,
      uploadedAt: d.uploadedAt,
      deleted: d.deletedAt !== null,
    })),
    documentsPurgedAt: row.documents_purged_at ? new Date(row.documents_purged_at) : null,
    decisions: decisions.map((d) => {
      const reply = replies.find((r) => r.decisionId === d.id);
      return {
        id: d.id,
        kind: d.kind,
        validFrom: d.validFrom,
        validTo: d.validTo,
        reasonCode: d.reasonCode,
        message: d.message,
        override: d.override,
        overrideReason: input.staffView ? d.overrideReason : null,
        decidedAt: d.decidedAt,
        decidedBy: input.staffView ? d.decidedBy : null,
        reply: reply ? { message: reply.message, repliedAt: reply.repliedAt } : null,
      };
    }),
    grants: grants.map((g) => ({
      accountId: g.accountId,
      validFrom: g.validFrom,
      validTo: g.validTo,
      revoked: g.revokedAt !== null,
    })),
    renewsApplicationId: row.renews_application_id,
    renewedByApplicationId: row.renewed_by,
    renewsValidTo: row.renews_valid_to,
    renewal:
      row.status === 'approved' && program.renewable && program.active && row.renewed_by === null
        ? renewalBy(row, editableBy, input.filesForOthers ?? false)
        : null,
    applicantAccounts: applicantAccounts.map((a) => ({
      id: a.id,
      accountNumber: a.accountNumber,
      utility: a.utility,
      address: { zh: a.addressZh, en: a.addressEn },
    })),
    createdAt: new Date(row.created_at),
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
    decidedAt: row.decided_at ? new Date(row.decided_at) : null,
    waitingSeconds: row.waiting_seconds === null ? null : Number(row.waiting_seconds),
    editable: mayEdit && editableStatus,
  };
}

/**
 * How the reader may renew an approved application: the officer who filed it renews it for the
 * household (consent recorded again); the applicant — or, without one, whoever linked its
 * account — renews their own. Anyone else (a reviewer's view, an officer who no longer files
 * for others) is not offered it.
 */
function renewalBy(
  row: { applicant_user_id: string | null; filed_by_user_id: string | null },
  reader: string | null,
  filesForOthers: boolean,
): TApplicationDetail['renewal'] {
  if (reader === null) return null;
  if (row.filed_by_user_id === reader) return filesForOthers ? 'for_household' : null;
  return row.applicant_user_id === reader || row.applicant_user_id === null ? 'own' : null;
}
