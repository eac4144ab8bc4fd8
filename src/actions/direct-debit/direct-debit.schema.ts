import { z } from 'zod';

const ZAccountId = z.coerce.number().int().positive().max(2_147_483_647);

export const ZStartMandateSetupSchema = z.object({
  accountId: ZAccountId,
  consent: z.literal('yes', { message: 'directDebit.errors.consent' }),
  /** Only asked for when an active mandate is being replaced. */
  password: z.string().max(200),
});
export type TStartMandateSetupInput = z.infer<typeof ZStartMandateSetupSchema>;

export const ZCancelMandateSchema = z.object({ accountId: ZAccountId });

export const ZStartCollectionDaySchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
    .or(z.literal('')),
});
