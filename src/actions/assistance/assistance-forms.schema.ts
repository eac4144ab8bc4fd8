import { z } from 'zod';
import {
  ACCOUNT_CONSENT_METHODS,
  CONSENT_METHODS,
  REJECTION_REASONS,
} from '@/server/db/schema/assistance';
import { ZLinkAccountSchema } from '@/actions/accounts/link-account.schema';

/** Files per upload (each up to the shared 10 MB limit, as complaint attachments). */
export const MAX_DOCUMENTS_PER_UPLOAD = 3;

const id = z.coerce.number().int().positive();

export const ZStartApplicationSchema = z.object({
  programId: id,
  accountIds: z.array(id).max(20),
  renewsApplicationId: id.optional(),
});
export type TStartApplicationInput = z.infer<typeof ZStartApplicationSchema>;

export const ZApplicationIdSchema = z.object({ applicationId: id });

export const ZRemoveDocumentSchema = z.object({ applicationId: id, documentId: id });

export const ZAnswerInfoSchema = z.object({
  applicationId: id,
  message: z.string().trim().min(1, 'answerRequired').max(2000, 'tooLong'),
});

const month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month');

export const ZDecisionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('approve'),
    fromMonth: month,
    months: z.coerce.number().int('months').min(1, 'months').max(60, 'months'),
  }),
  z.object({
    kind: z.literal('reject'),
    reasonCode: z.enum(REJECTION_REASONS, 'reason'),
    message: z.string().trim().max(2000, 'tooLong'),
  }),
  z.object({
    kind: z.literal('request_info'),
    message: z.string().trim().min(1, 'infoMessage').max(2000, 'tooLong'),
  }),
]);

export const ZOverrideSchema = z.object({
  overrideReason: z.string().trim().min(1, 'overrideReason').max(2000, 'tooLong'),
});

export const ZFileForResidentSchema = z.object({
  accountNumber: z
    .string()
    .transform((s) => s.replace(/[\s-]+/g, ''))
    .pipe(z.string().regex(/^\d{10}$/, 'accountNumber')),
  applicantUserId: z.string().trim().min(1, 'resident').max(100),
  programId: id,
  consentMethod: z.enum(CONSENT_METHODS, 'consentMethod'),
  consentGivenOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'consentGivenOn'),
  consentNote: z.string().trim().max(500, 'tooLong'),
  consentConfirmed: z.literal('yes', 'consentConfirmed'),
});

/** The officer who filed an application renews it: the household's consent, recorded again. */
export const ZRenewForHouseholdSchema = ZFileForResidentSchema.pick({
  consentMethod: true,
  consentGivenOn: true,
  consentNote: true,
  consentConfirmed: true,
}).extend({ applicationId: id });

const E = 'assistance.fileAccount.errors';

/** An officer filing for a household without a login: the account as on the bill, and consent. */
export const ZFileForAccountSchema = z.object({
  programId: z.coerce.number(`${E}.program`).int(`${E}.program`).positive(`${E}.program`),
  // The same checks (and messages) as linking an account.
  accountNumber: ZLinkAccountSchema.shape.accountNumber,
  verificationCode: ZLinkAccountSchema.shape.verificationCode,
  holderName: z.string().trim().min(1, `${E}.holderName`).max(100, `${E}.tooLong`),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, `${E}.contactPhone`),
  consentMethod: z.enum(ACCOUNT_CONSENT_METHODS, `${E}.consentMethod`),
  consentGivenOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${E}.consentGivenOn`),
  consentNote: z.string().trim().max(500, `${E}.tooLong`),
  consentConfirmed: z.literal('yes', `${E}.consentConfirmed`),
});
