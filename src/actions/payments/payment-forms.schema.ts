import { z } from 'zod';

/**
 * "Pay" forms carry what to pay — never how much: the amount is computed on the server, and any
 * `amount` field a tampered form adds is simply not read.
 */
export const ZStartPaymentSchema = z
  .object({
    accountId: z.coerce.number().int().positive(),
    scope: z.enum(['bill', 'balance']),
    billId: z.union([z.literal(''), z.coerce.number().int().positive()]),
  })
  .refine((v) => v.scope === 'balance' || typeof v.billId === 'number', { path: ['billId'] });
export type TStartPaymentInput = z.infer<typeof ZStartPaymentSchema>;

export const ZGuestPaySchema = z.object({
  accountNumber: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{10}$/, 'accountNumber')),
  verificationCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'verificationCode'),
});
export type TGuestPayInput = z.infer<typeof ZGuestPaySchema>;

/** Where a failed "pay" click goes back to: only our own bill, account or dashboard pages. */
export function safeReturnPath(value: FormDataEntryValue | null): string {
  const text = typeof value === 'string' ? value : '';
  return /^\/(dashboard|bills\/\d+|accounts\/\d+\/(bills|payments))$/.test(text)
    ? text
    : '/dashboard';
}

/** The httpOnly cookie holding a guest payer's short-lived ticket (scoped to /pay). */
export const GUEST_PAY_COOKIE = 'wj_guest_pay';
