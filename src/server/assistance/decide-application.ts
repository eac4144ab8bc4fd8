import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { assistanceDecisions, assistanceGrants, type TRejectionReason } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { notifyMailQueued } from '../mail';
import { notifyUsers, type TNewNotification } from '../notifications';
import { rowsOf } from '../db/rows-of';
import { ownHousehold } from './access';
import { sendRenewalReminders } from './send-renewal-reminders';
import { validityMonths } from './validity-months';
import { findAllowanceOverlap, type TAllowanceOverlap } from './find-allowance-overlap';

export type TDecision =
  | { kind: 'approve'; fromMonth: string; months: number }
  | { kind: 'reject'; reasonCode: TRejectionReason; message: string | null }
  | { kind: 'request_info'; message: string };

export type TDecideApplicationResult =
  | { ok: true; decisionId: number; grants: number }
  | {
      ok: false;
      error:
        | 'not_found'
        | 'already_decided'
        | 'own_household'
        | 'bad_validity'
        | 'not_overridable'
        | 'override_reason_required';
    }
  | { ok: false; error: 'allowance_overlap'; overlap: TAllowanceOverlap };

/**
 * A reviewer decides: approve with a validity (whole months; one grant per covered account,
 * unique, so approving twice leaves one grant), reject with a reason from the list plus words
 * for the resident, or ask for more information (the waiting clock pauses until the resident
 * answers). An application already decided is refused — except by a supervisor's override,
 * which turns an approval into a rejection (grants revoked) or a rejection into an approval,
 * with their reason recorded. An allowance is refused for months in which another programme's
 * allowance already covers one of the accounts (`allowance_overlap`, naming that application).
 * Nobody decides their own household's application. Every decision
 * is audited and the resident is notified (inbox + mail) in the same transaction.
 */
export async function decideApplication(input: {
  actor: TActor;
  applicationId: number;
  decision: TDecision;
  override?: { reason: string };
}): Promise<TDecideApplicationResult> {
  const { actor, decision } = input;
  assertCan(actor, 'review:assistance:any');
  if (input.override) assertCan(actor, 'override:assistance:any');
  if (input.override && input.override.reason.trim() === '') {
    return { ok: false, error: 'override_reason_required' };
  }
  const validity =
    decision.kind === 'approve' ? validityMonths(decision.fromMonth, decision.months) : null;
  if (decision.kind === 'approve' && !validity) return { ok: false, error: 'bad_validity' };

  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const app = rowsOf<{
      id: number;
      reference: string;
      status: string;
      applicant_user_id: string | null;
      filed_by_user_id: string | null;
      holders: string[];
      program_id: number;
      own: boolean;
    }>(
      await tx.execute(sql`
        SELECT app.id, app.reference, app.status, app.applicant_user_id, app.filed_by_user_id,
               app.program_id, ${ownHousehold(actor)} AS own,
               -- Filed for a household without a login: whoever has linked its account since.
               CASE WHEN app.applicant_user_id IS NULL THEN
                 (SELECT coalesce(array_agg(DISTINCT l.user_id), '{}')
                    FROM assistance_application_accounts aa
                    JOIN account_links l ON l.account_id = aa.account_id
                   WHERE aa.application_id = app.id)
               ELSE '{}' END AS holders
          FROM assistance_applications app
         WHERE app.id = ${input.applicationId} AND app.status <> 'draft'
         FOR UPDATE OF app`),
    )[0];
    if (!app) return { ok: false as const, error: 'not_found' as const };
    if (app.own) return { ok: false as const, error: 'own_household' as const };

    const decided = app.status === 'approved' || app.status === 'rejected';
    if (input.override) {
      const flips =
        (app.status === 'approved' && decision.kind === 'reject') ||
        (app.status === 'rejected' && decision.kind === 'approve');
      if (!flips) return { ok: false as const, error: 'not_overridable' as const };
    } else if (decided || app.status === 'withdrawn') {
      return { ok: false as const, error: 'already_decided' as const };
    } else if (decision.kind === 'request_info' && app.status !== 'submitted') {
      return { ok: false as const, error: 'already_decided' as const };
    }

    if (decision.kind === 'approve' && validity) {
      const overlap = await findAllowanceOverlap(tx, {
        applicationId: app.id,
        programId: app.program_id,
        ...validity,
      });
      if (overlap) return { ok: false as const, error: 'allowance_overlap' as const, overlap };
    }

    const [row] = await tx
      .insert(assistanceDecisions)
      .values({
        applicationId: app.id,
        kind: decision.kind,
        validFrom: validity?.validFrom ?? null,
        validTo: validity?.validTo ?? null,
        reasonCode: decision.kind === 'reject' ? decision.reasonCode : null,
        message:
          decision.kind === 'reject' || decision.kind === 'request_info' ? decision.message : null,
        override: Boolean(input.override),
        overrideReason: input.override?.reason.trim() ?? null,
        decidedByUserId: actor.userId,
      })
      .returning({ id: assistanceDecisions.id });
    if (!row) throw new Error('decision not recorded');

    // The clock: info requested pauses it; any other decision ends a pause.
    const resumePause = sql`paused_seconds = paused_seconds + CASE WHEN paused_since IS NULL THEN 0
                              ELSE extract(epoch FROM (now() - paused_since))::int END`;
    let grants = 0;
    if (decision.kind === 'request_info') {
      await tx.execute(sql`
        UPDATE assistance_applications
           SET status = 'info_requested', paused_since = now(), updated_at = now()
         WHERE id = ${app.id}`);
    } else {
      await tx.execute(sql`
        UPDATE assistance_applications
           SET status = ${decision.kind === 'approve' ? 'approved' : 'rejected'},
               decided_at = now(), ${resumePause}, paused_since = NULL, updated_at = now()
         WHERE id = ${app.id}`);
    }
    if (decision.kind === 'approve' && validity) {
      const inserted = rowsOf<{ id: number }>(
        await tx.execute(sql`
          INSERT INTO assistance_grants (account_id, program_id, application_id, valid_from, valid_to)
          SELECT aa.account_id, ${app.program_id}, ${app.id}, ${validity.validFrom}::date,
                 ${validity.validTo}::date
            FROM assistance_application_accounts aa
           WHERE aa.application_id = ${app.id}
          ON CONFLICT (application_id, account_id) DO UPDATE
             SET revoked_at = NULL, valid_from = excluded.valid_from, valid_to = excluded.valid_to
          RETURNING id`),
      );
      grants = inserted.length;
    }
    if (decision.kind === 'reject' && input.override) {
      await tx
        .update(assistanceGrants)
        .set({ revokedAt: new Date() })
        .where(eq(assistanceGrants.applicationId, app.id));
    }

    await writeAudit(tx, actor, {
      action: `assistance.decision.${decision.kind}${input.override ? '.override' : ''}`,
      subjectType: 'assistance_application',
      subjectId: app.id,
      detail: {
        decisionId: row.id,
        ...(validity ?? {}),
        ...(decision.kind === 'reject' ? { reasonCode: decision.reasonCode } : {}),
        ...(input.override ? { overrideReason: input.override.reason.trim() } : {}),
        grants,
      },
    });

    const notice = NOTICE[decision.kind];
    const recipients = [
      ...new Set([app.applicant_user_id, app.filed_by_user_id, ...(app.holders ?? [])]),
    ].filter((id): id is string => id !== null && id !== actor.userId);
    const notes: TNewNotification[] = recipients.map((userId) => ({
      userId,
      kind: `assistance.${decision.kind}`,
      title: { key: `assistance.notify.${notice}.title`, values: { reference: app.reference } },
      body: {
        key: `assistance.notify.${notice}.body`,
        values: {
          reference: app.reference,
          ...(validity
            ? { validFrom: { date: validity.validFrom }, validTo: { date: validity.validTo } }
            : {}),
        },
      },
      link: `/assistance/${app.id}`,
      dedupeKey: `assistance-decision:${row.id}`,
    }));
    const mailIds = await notifyUsers(tx, notes);
    return { ok: true as const, decisionId: row.id, grants, mailIds };
  });
  if (!result.ok) return result;
  await notifyMailQueued(result.mailIds);
  // A grant that already ends within the reminder window is reminded now, not next morning.
  if (decision.kind === 'approve')
    await sendRenewalReminders({ applicationId: input.applicationId });
  return { ok: true, decisionId: result.decisionId, grants: result.grants };
}

const NOTICE = { approve: 'approved', reject: 'rejected', request_info: 'infoRequested' } as const;
