import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { accountLinks } from '../db/schema';
import { ACCOUNT_CONSENT_METHODS } from '../db/schema/assistance';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import {
  insertApplication,
  loadRenewable,
  openProgram,
  type TOnBehalfOf,
} from './start-application';

export type TRenewForHouseholdResult =
  | { ok: true; applicationId: number; reference: string }
  | { ok: false; error: 'not_found' | 'not_renewable' | 'program_inactive' | 'no_accounts' }
  | { ok: false; error: 'consent_method' }
  | { ok: false; error: 'already_renewed'; applicationId: number };

/**
 * The community service officer who filed an approved application renews it for the household:
 * the new draft is pre-filled from it (programme, accounts, answers) and the household's consent
 * is recorded again, as at filing (method, day, note; the officer and the time). For a resident
 * the draft is the resident's, on the accounts still linked to them; for a household without a
 * login it belongs to the same account, holder and phone, and the ways of agreeing are those of
 * that filing (a signed form — uploaded on the draft — or in person). Only the officer who filed
 * it may (anyone else: "not found"); a resident renews their own through `startApplication`.
 */
export async function renewForHousehold(input: {
  actor: TActor;
  renewsApplicationId: number;
  consent: Omit<TOnBehalfOf, 'applicantUserId'>;
}): Promise<TRenewForHouseholdResult> {
  const { actor, consent } = input;
  assertCan(actor, 'file:assistance:behalf');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const previous = await loadRenewable(
      tx,
      input.renewsApplicationId,
      sql`app.filed_by_user_id = ${actor.userId}`,
    );
    if (!previous.ok) return previous;
    const household = previous.household;
    const methods: readonly string[] = ACCOUNT_CONSENT_METHODS;
    if (household && !methods.includes(consent.consentMethod)) {
      return { ok: false, error: 'consent_method' };
    }

    const open = await openProgram(tx, previous.programId);
    if (!open.ok) return open;

    let accountIds = previous.accountIds;
    if (previous.applicantUserId !== null) {
      // A resident's draft covers only accounts still linked to them.
      const linked = await tx
        .select({ accountId: accountLinks.accountId })
        .from(accountLinks)
        .where(
          and(
            eq(accountLinks.userId, previous.applicantUserId),
            inArray(accountLinks.accountId, accountIds),
          ),
        );
      accountIds = linked.map((l) => l.accountId).sort((a, b) => a - b);
    }
    if (accountIds.length === 0) return { ok: false, error: 'no_accounts' };

    return insertApplication(tx, actor, {
      programId: open.program.id,
      programCode: open.program.code,
      applicantUserId: previous.applicantUserId,
      accountIds,
      answers: previous.answers,
      renewsApplicationId: input.renewsApplicationId,
      filedFor: consent,
      ...(household ? { household } : {}),
      audit: {
        action: household
          ? 'assistance.application.filed_for_account'
          : 'assistance.application.filed_for_resident',
        detail: {
          applicantUserId: previous.applicantUserId,
          consentMethod: consent.consentMethod,
          consentGivenOn: consent.consentGivenOn,
        },
      },
    });
  });
}
