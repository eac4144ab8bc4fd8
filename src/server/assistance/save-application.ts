import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '../db';
import {
  accountLinks,
  assistanceApplicationAccounts,
  assistanceApplications,
  assistanceDocuments,
  assistancePrograms,
} from '../db/schema';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { rowsOf } from '../db/rows-of';
import { applicantOrFiler } from './access';
import { checkAnswers } from './check-answers';

export type TSaveApplicationResult =
  | { ok: true; status: 'draft' | 'submitted'; alreadySubmitted: boolean }
  | { ok: false; error: 'not_found' | 'not_editable' }
  /** Submission stopped: the draft WAS saved; these fields need attention. */
  | { ok: false; error: 'incomplete'; fieldErrors: Record<string, string[]> };

/**
 * Saves a draft's answers and accounts, and with `submit` hands it to the reviewers. Whatever
 * was typed is saved first, so a refused submission loses nothing. Submitting twice (a double
 * click, a resent form) gives one submission: the second finds it submitted and says so.
 * Accounts must be linked to the applicant; a foreign one makes the whole request "not found".
 */
export async function saveApplication(input: {
  actor: TActor;
  applicationId: number;
  answers: Record<string, string | undefined>;
  accountIds: number[];
  submit: boolean;
}): Promise<TSaveApplicationResult> {
  const { actor } = input;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = rowsOf<{
      id: number;
      status: string;
      applicant_user_id: string | null;
      program_id: number;
    }>(
      await tx.execute(sql`
        SELECT app.id, app.status, app.applicant_user_id, app.program_id
          FROM assistance_applications app
         WHERE app.id = ${input.applicationId} AND ${applicantOrFiler(actor)}
         FOR UPDATE`),
    )[0];
    if (!app) return { ok: false, error: 'not_found' };
    if (app.status !== 'draft') {
      if (input.submit && app.status !== 'withdrawn') {
        return { ok: true, status: 'submitted', alreadySubmitted: true };
      }
      return { ok: false, error: 'not_editable' };
    }
    const [program] = await tx
      .select({ questions: assistancePrograms.questions, documents: assistancePrograms.documents })
      .from(assistancePrograms)
      .where(eq(assistancePrograms.id, app.program_id));
    if (!program) throw new Error('programme of an application is missing');

    const accountIds = [...new Set(input.accountIds)];
    if (accountIds.length > 0) {
      // Filed for a household without a login: only the account proved when filing.
      const allowed =
        app.applicant_user_id === null
          ? await tx
              .select({ accountId: assistanceApplicationAccounts.accountId })
              .from(assistanceApplicationAccounts)
              .where(
                and(
                  eq(assistanceApplicationAccounts.applicationId, app.id),
                  inArray(assistanceApplicationAccounts.accountId, accountIds),
                ),
              )
          : await tx
              .select({ accountId: accountLinks.accountId })
              .from(accountLinks)
              .where(
                and(
                  eq(accountLinks.userId, app.applicant_user_id),
                  inArray(accountLinks.accountId, accountIds),
                ),
              );
      if (allowed.length !== accountIds.length) return { ok: false, error: 'not_found' };
    }

    const draft = checkAnswers(program.questions, input.answers, 'draft');
    await tx
      .update(assistanceApplications)
      .set({ answers: draft.answers })
      .where(eq(assistanceApplications.id, app.id));
    await tx
      .delete(assistanceApplicationAccounts)
      .where(eq(assistanceApplicationAccounts.applicationId, app.id));
    if (accountIds.length > 0) {
      await tx
        .insert(assistanceApplicationAccounts)
        .values(accountIds.map((accountId) => ({ applicationId: app.id, accountId })));
    }
    if (!input.submit) return { ok: true, status: 'draft', alreadySubmitted: false };

    const checked = checkAnswers(program.questions, input.answers, 'submit');
    const fieldErrors: Record<string, string[]> = { ...checked.errors };
    if (accountIds.length === 0) fieldErrors.accounts = ['assistance.errors.noAccounts'];
    const uploaded = await tx
      .selectDistinct({ requirement: assistanceDocuments.requirement })
      .from(assistanceDocuments)
      .where(
        and(eq(assistanceDocuments.applicationId, app.id), isNull(assistanceDocuments.deletedAt)),
      );
    const have = new Set(uploaded.map((u) => u.requirement));
    for (const document of program.documents) {
      if (document.required && !have.has(document.id)) {
        fieldErrors[`doc_${document.id}`] = ['assistance.errors.documentRequired'];
      }
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false, error: 'incomplete', fieldErrors };

    await tx
      .update(assistanceApplications)
      .set({ status: 'submitted', submittedAt: new Date() })
      .where(eq(assistanceApplications.id, app.id));
    await writeAudit(tx, actor, {
      action: 'assistance.application.submitted',
      subjectType: 'assistance_application',
      subjectId: app.id,
      detail: { accountIds },
    });
    return { ok: true, status: 'submitted', alreadySubmitted: false };
  });
}
