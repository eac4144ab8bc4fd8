import { z } from 'zod';

/** Spaces and dashes people copy from the bill are dropped before checking the digits. */
const digits = (length: number, message: string) =>
  z
    .string()
    .transform((s) => s.replace(/[\s-]+/g, ''))
    .pipe(z.string().regex(new RegExp(`^\\d{${length}}$`), message));

export const ZLinkAccountSchema = z.object({
  accountNumber: digits(10, 'accounts.link.errors.accountNumber'),
  verificationCode: digits(6, 'accounts.link.errors.verificationCode'),
});
export type TLinkAccountInput = z.infer<typeof ZLinkAccountSchema>;

export const ZUnlinkAccountSchema = z.object({
  accountId: z.coerce.number().int().positive(),
});
