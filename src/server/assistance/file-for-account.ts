import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { assistancePrograms, serviceAccounts } from '../db/schema';
import type { ACCOUNT_CONSENT_METHODS } from '../db/schema/assistance';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import type { TAcceptedUpload } from '../files';
import { checkThrottle, recordThrottleFailure } from '../throttle';
import { compareVerificationCode } from '../accounts/compare-verification-code';
import { linkThrottleRule } from '../accounts/link-service-account';
import { insertApplication } from './start-application';
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

// Compared against when the number is unknown, so an unknown number costs the same as a known one.
const DUMMY_CODE = '000000';

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
  const rule = linkThrottleRule(actor.userId);
  const throttle = await checkThrottle(rule);
  if (!throttle.allowed) {
    return { ok: false, error: 'throttled', retryAfterMinutes: throttle.retryAfterMinutes };
  }

  const db = await getDb();
  const [account] = await db
    .select({
      id: serviceAccounts.id,
      verificationCode: serviceAccounts.verificationCode,
      status: serviceAccounts.status,
      holderName: serviceAccounts.holderName,
    })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.accountNumber, input.accountNumber))
    .limit(1);
  const codeMatches = compareVerificationCode(
    account?.verificationCode ?? DUMMY_CODE,
    input.verificationCode,
  );
  if (
    !account ||
    !codeMatches ||
    account.status === 'closed' ||
    !sameName(account.holderName, input.holderName)
  ) {
    await recordThrottleFailure([rule]);
    return { ok: false, error: 'invalid' };
  }

  return db.transaction(async (tx) => {
    const [program] = await tx
      .select({
        id: assistancePrograms.id,
        code: assistancePrograms.code,
        active: assistancePrograms.active,
      })
      .from(assistancePrograms)
      .where(eq(assistancePrograms.id, input.programId))
      .limit(1);
    if (!program) return { ok: false, error: 'not_found' };
    if (!program.active) return { ok: false, error: 'program_inactive' };

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
