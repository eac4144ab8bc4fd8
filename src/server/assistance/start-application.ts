import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb, type TDb } from '../db';
import {
  accountLinks,
  assistanceApplicationAccounts,
  assistanceApplications,
  assistancePrograms,
  users,
  type TConsentMethod,
} from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { applicantOrFiler } from './access';
import { rowsOf } from '../db/rows-of';

export type TOnBehalfOf = {
  applicantUserId: string;
  consentMethod: TConsentMethod;
  /** YYYY-MM-DD: the day the resident agreed. */
  consentGivenOn: string;
  consentNote: string | null;
};

export type TStartApplicationResult =
  | { ok: true; applicationId: number; reference: string }
  | { ok: false; error: 'not_found' | 'no_accounts' | 'program_inactive' | 'not_renewable' }
  | { ok: false; error: 'already_renewed'; applicationId: number };

/**
 * Opens a draft application for a programme and some of the applicant's linked accounts.
 * A resident applies for themselves; an officer with `file:assistance:behalf` applies for a
 * resident whose consent they record (method, day, note). An account that is not linked to the
 * applicant is refused as not found. A renewal (`renewsApplicationId`, one of the applicant's
 * approved applications) starts pre-filled with its programme, accounts and answers.
 */
export async function startApplication(input: {
  actor: TActor;
  programId: number;
  accountIds: number[];
  onBehalfOf?: TOnBehalfOf;
  renewsApplicationId?: number;
}): Promise<TStartApplicationResult> {
  const { actor } = input;
  if (input.onBehalfOf) assertCan(actor, 'file:assistance:behalf');
  else assertCan(actor, 'view:account:own');
  const applicantUserId = input.onBehalfOf?.applicantUserId ?? actor.userId;
  const db = await getDb();

  return db.transaction(async (tx) => {
    let answers: Record<string, string> = {};
    let accountIds = [...new Set(input.accountIds)];
    let programId = input.programId;
    if (input.renewsApplicationId !== undefined) {
      const previous = await loadRenewable(
        tx,
        input.renewsApplicationId,
        // One filed for a household without a login is renewed by whoever linked its account.
        sql`(app.applicant_user_id = ${applicantUserId} OR app.applicant_user_id IS NULL)
             AND ${applicantOrFiler(actor)}`,
      );
      if (!previous.ok) return previous;
      programId = previous.programId;
      answers = previous.answers;
      if (accountIds.length === 0) accountIds = previous.accountIds;
    }

    const open = await openProgram(tx, programId);
    if (!open.ok) return open;
    const { program } = open;

    if (input.onBehalfOf) {
      const [applicant] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, applicantUserId), eq(users.role, 'resident')))
        .limit(1);
      if (!applicant) return { ok: false, error: 'not_found' };
    }

    if (accountIds.length === 0) return { ok: false, error: 'no_accounts' };
    const linked = await tx
      .select({ accountId: accountLinks.accountId })
      .from(accountLinks)
      .where(
        and(eq(accountLinks.userId, applicantUserId), inArray(accountLinks.accountId, accountIds)),
      );
    if (linked.length !== accountIds.length) return { ok: false, error: 'not_found' };

    return insertApplication(tx, actor, {
      programId,
      programCode: program.code,
      applicantUserId,
      accountIds,
      answers,
      renewsApplicationId: input.renewsApplicationId ?? null,
      filedFor: input.onBehalfOf ?? null,
      audit: input.onBehalfOf
        ? {
            action: 'assistance.application.filed_for_resident',
            detail: {
              applicantUserId,
              consentMethod: input.onBehalfOf.consentMethod,
              consentGivenOn: input.onBehalfOf.consentGivenOn,
            },
          }
        : { action: 'assistance.application.started', detail: {} },
    });
  });
}

/**
 * The approved application a renewal continues, when `access` (a condition on alias `app`)
 * lets the actor renew it: its programme (which must be renewable), answers, accounts and, for
 * a household without a login, the holder and phone. Read FOR UPDATE so two renewals of one
 * application at once are made one after the other.
 */
export async function loadRenewable(
  tx: Pick<TDb, 'execute' | 'select'>,
  applicationId: number,
  access: SQL,
): Promise<
  | {
      ok: true;
      programId: number;
      answers: Record<string, string>;
      accountIds: number[];
      applicantUserId: string | null;
      household: { holderName: string; contactPhone: string } | null;
    }
  | { ok: false; error: 'not_found' | 'not_renewable' }
  | { ok: false; error: 'already_renewed'; applicationId: number }
> {
  const previous = rowsOf<{
    program_id: number;
    answers: Record<string, string>;
    renewable: boolean;
    applicant_user_id: string | null;
    holder_name: string | null;
    contact_phone: string | null;
    renewed_by: number | null;
  }>(
    await tx.execute(sql`
      SELECT app.program_id, app.answers, p.renewable, app.applicant_user_id,
             app.holder_name, app.contact_phone,
             (SELECT r.id FROM assistance_applications r
               WHERE r.renews_application_id = app.id AND r.status NOT IN ('rejected', 'withdrawn')
               ORDER BY r.id DESC LIMIT 1) AS renewed_by
        FROM assistance_applications app
        JOIN assistance_programs p ON p.id = app.program_id
       WHERE app.id = ${applicationId}
         AND app.status = 'approved'
         AND ${access}
         FOR UPDATE OF app`),
  )[0];
  if (!previous) return { ok: false, error: 'not_found' };
  if (!previous.renewable) return { ok: false, error: 'not_renewable' };
  // Renewing twice (a second tab, a double post) opens the renewal already under way.
  if (previous.renewed_by !== null) {
    return { ok: false, error: 'already_renewed', applicationId: previous.renewed_by };
  }
  const accounts = await tx
    .select({ accountId: assistanceApplicationAccounts.accountId })
    .from(assistanceApplicationAccounts)
    .where(eq(assistanceApplicationAccounts.applicationId, applicationId));
  return {
    ok: true,
    programId: previous.program_id,
    answers: previous.answers,
    accountIds: accounts.map((a) => a.accountId),
    applicantUserId: previous.applicant_user_id,
    household:
      previous.applicant_user_id === null && previous.holder_name && previous.contact_phone
        ? { holderName: previous.holder_name, contactPhone: previous.contact_phone }
        : null,
  };
}

/** The programme an application is opened for: it must exist and take applications. */
export async function openProgram(
  tx: Pick<TDb, 'select'>,
  programId: number,
): Promise<
  | { ok: true; program: { id: number; code: string } }
  | { ok: false; error: 'not_found' | 'program_inactive' }
> {
  const [program] = await tx
    .select({
      id: assistancePrograms.id,
      code: assistancePrograms.code,
      active: assistancePrograms.active,
    })
    .from(assistancePrograms)
    .where(eq(assistancePrograms.id, programId))
    .limit(1);
  if (!program) return { ok: false, error: 'not_found' };
  if (!program.active) return { ok: false, error: 'program_inactive' };
  return { ok: true, program: { id: program.id, code: program.code } };
}

/**
 * Writes a new draft with its reference number and accounts, and audits it: the one insert
 * behind a resident's own application, an officer's for a resident, and an officer's for a
 * household without a login (`household`: no applicant, the holder's name and a phone).
 */
export async function insertApplication(
  tx: Pick<TDb, 'insert' | 'update'>,
  actor: TActor,
  input: {
    programId: number;
    programCode: string;
    applicantUserId: string | null;
    accountIds: number[];
    answers: Record<string, string>;
    renewsApplicationId: number | null;
    /** The consent an officer recorded (who: the actor; when recorded: now). */
    filedFor: Omit<TOnBehalfOf, 'applicantUserId'> | null;
    household?: { holderName: string; contactPhone: string };
    audit: { action: string; detail: Record<string, unknown> };
  },
): Promise<{ ok: true; applicationId: number; reference: string }> {
  const now = new Date();
  const [created] = await tx
    .insert(assistanceApplications)
    .values({
      // Replaced below once the id is known; unique placeholder until then.
      reference: `pending-${crypto.randomUUID()}`,
      programId: input.programId,
      applicantUserId: input.applicantUserId,
      holderName: input.household?.holderName ?? null,
      contactPhone: input.household?.contactPhone ?? null,
      filedByUserId: input.filedFor ? actor.userId : null,
      consentMethod: input.filedFor?.consentMethod ?? null,
      consentGivenOn: input.filedFor?.consentGivenOn ?? null,
      consentRecordedAt: input.filedFor ? now : null,
      consentNote: input.filedFor?.consentNote ?? null,
      renewsApplicationId: input.renewsApplicationId,
      answers: input.answers,
    })
    .returning({ id: assistanceApplications.id });
  if (!created) throw new Error('application not created');
  const reference = formatReference(input.programCode, now, created.id);
  await tx
    .update(assistanceApplications)
    .set({ reference })
    .where(eq(assistanceApplications.id, created.id));
  await tx
    .insert(assistanceApplicationAccounts)
    .values(input.accountIds.map((accountId) => ({ applicationId: created.id, accountId })));
  await writeAudit(tx, actor, {
    action: input.audit.action,
    subjectType: 'assistance_application',
    subjectId: created.id,
    detail: {
      reference,
      accountIds: input.accountIds,
      ...input.audit.detail,
      ...(input.renewsApplicationId !== null ? { renews: input.renewsApplicationId } : {}),
    },
  });
  return { ok: true, applicationId: created.id, reference };
}

/** `DB-2026-000045`: programme code, the year in Shanghai, the id padded to six digits. */
export function formatReference(code: string, when: Date, id: number): string {
  const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(
    when,
  );
  return `${code}-${year}-${String(id).padStart(6, '0')}`;
}
