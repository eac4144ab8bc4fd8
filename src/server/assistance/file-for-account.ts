import 'server-only';
import { getDb } from '../db';
import type { ACCOUNT_CONSENT_METHODS } from '../db/schema/assistance';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import type { TAcceptedUpload } from '../files';
import { linkThrottleRule } from '../accounts/link-service-account';
import { verifyAccountByBill } from '../accounts/verify-account-by-bill';
import { insertApplication, openProgram } from './start-application';
import {
  CONSENT_FORM_REQUIREMENT,
  storeApplicationDocuments,
} from './upload-application-documents';

export type TAccountConsentMethod = (typeof ACCOUNT_CONSENT_METHODS)[number];

export type TFileForAccountResult =
  | { ok: true; applicationId: number; reference: string }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number }
  | { ok: false; error: 'consent_form' | 'program_inactive' | 'not_found' };

/** Names compare without spaces (全角 or not) and case: "张 秀英" is "张秀英". */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * A community service officer files for a household that has no portal login: the service
 * account is identified the way a resident links one — its number and the verification code on
 * the bill — plus the holder's name as on the account. A wrong number, code or name, or a closed
 * account, all get the same answer and count toward the officer's linking throttle (the same
 * rule and bucket as linking), so the form cannot be used to guess codes.
 *
 * The draft belongs to the account, not to a user: no applicant; the officer (and reviewers)
 * see it, and a resident who links the account later sees it too. The consent is recorded with
 * how it was given (a signed paper form, uploaded here as the application's 'consent_form'
 * document, or in person), the day, and who recorded it when (the officer, now).
 */
export async function fileForAccount(input: {
  actor: TActor;
  programId: number;
  accountNumber: string;
  verificationCode: string;
  holderName: string;
  contactPhone: string;
  consentMethod: TAccountConsentMethod;
  /** YYYY-MM-DD: the day the household agreed. */
  consentGivenOn: string;
  consentNote: string | null;
  /** The signed form, checked by content (required for 'signed_form'). */
  consentForm: TAcceptedUpload | null;
}): Promise<TFileForAccountResult> {
  const { actor } = input;
  assertCan(actor, 'file:assistance:behalf');
  if (input.consentMethod === 'signed_form' && !input.consentForm) {
    return { ok: false, error: 'consent_form' };
  }
  const proof = await verifyAccountByBill({
    accountNumber: input.accountNumber,
    verificationCode: input.verificationCode,
    rules: [linkThrottleRule(actor.userId)],
    alsoRequire: (account) => sameName(account.holderName, input.holderName),
  });
  if (!proof.ok) return proof;
  const { account } = proof;

  const db = await getDb();
  return db.transaction(async (tx) => {
    const open = await openProgram(tx, input.programId);
    if (!open.ok) return open;
    const { program } = open;

    const created = await insertApplication(tx, actor, {
      programId: program.id,
      programCode: program.code,
      applicantUserId: null,
      accountIds: [account.id],
      answers: {},
      renewsApplicationId: null,
      filedFor: {
        consentMethod: input.consentMethod,
        consentGivenOn: input.consentGivenOn,
        consentNote: input.consentNote,
      },
      // The name as the account has it, not as typed.
      household: { holderName: account.holderName, contactPhone: input.contactPhone },
      audit: {
        action: 'assistance.application.filed_for_account',
        detail: {
          consentMethod: input.consentMethod,
          consentGivenOn: input.consentGivenOn,
          consentForm: input.consentForm !== null,
        },
      },
    });
    if (input.consentForm) {
      await storeApplicationDocuments(tx, actor, created.applicationId, CONSENT_FORM_REQUIREMENT, [
        input.consentForm,
      ]);
    }
    return created;
  });
}
