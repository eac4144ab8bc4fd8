import { z } from 'zod';

export const ZStartBillingRunSchema = z.object({
  utility: z.enum(['water', 'electricity'], 'utility'),
  month: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month'),
});
export type TStartBillingRunInput = z.infer<typeof ZStartBillingRunSchema>;

export const ZResolveBillingExceptionSchema = z
  .object({
    exceptionId: z.coerce.number().int().positive(),
    runId: z.coerce.number().int().positive(),
    action: z.enum(['correct', 'release']),
    usage: z.string().trim().max(20),
    note: z.string().trim().max(2000, 'note'),
  })
  .superRefine((value, ctx) => {
    if (value.action === 'correct' && !/^\d{1,9}(\.\d{1,2})?$/.test(value.usage)) {
      ctx.addIssue({ code: 'custom', path: ['usage'], message: 'usage' });
    }
  });
export type TResolveBillingExceptionInput = z.infer<typeof ZResolveBillingExceptionSchema>;
