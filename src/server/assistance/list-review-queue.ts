import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { rowsOf } from '../db/rows-of';
import { waitingSecondsSql } from './load-application-detail';
import type { TReviewQueueItem } from './types';

/**
 * The reviewers' queue: applications waiting for a decision, oldest submission first, then
 * those waiting for the resident's answer. Waiting time leaves out the paused time.
 */
export async function listReviewQueue(input: { actor: TActor }): Promise<TReviewQueueItem[]> {
  assertCan(input.actor, 'review:assistance:any');
  const db = await getDb();
  const rows = rowsOf<{
    id: number;
    reference: string;
    status: TReviewQueueItem['status'];
    name_zh: string;
    name_en: string;
    applicant_name: string;
    accounts: number;
    submitted_at: string;
    waiting_seconds: number;
    documents: number;
    filed_by_officer: boolean;
  }>(
    await db.execute(sql`
      SELECT app.id, app.reference, app.status, p.name_zh, p.name_en,
             coalesce(u.name, app.holder_name) AS applicant_name,
             (SELECT count(*)::int FROM assistance_application_accounts aa
               WHERE aa.application_id = app.id) AS accounts,
             app.submitted_at, ${waitingSecondsSql()} AS waiting_seconds,
             (SELECT count(*)::int FROM assistance_documents d
               WHERE d.application_id = app.id AND d.deleted_at IS NULL) AS documents,
             app.filed_by_user_id IS NOT NULL AS filed_by_officer
        FROM assistance_applications app
        JOIN assistance_programs p ON p.id = app.program_id
        LEFT JOIN users u ON u.id = app.applicant_user_id
       WHERE app.status IN ('submitted', 'info_requested')
       ORDER BY (app.status = 'info_requested'), app.submitted_at, app.id
       LIMIT 200`),
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    programName: { zh: r.name_zh, en: r.name_en },
    applicantName: r.applicant_name,
    accounts: r.accounts,
    submittedAt: new Date(r.submitted_at),
    waitingSeconds: Number(r.waiting_seconds),
    documents: r.documents,
    filedByOfficer: r.filed_by_officer,
  }));
}
