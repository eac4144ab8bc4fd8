import { z } from 'zod';
import { ZNewPasswordField } from './fields.schema';

export const ZResetPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: ZNewPasswordField,
    confirmPassword: z.string({ error: 'auth.errors.passwordMismatch' }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    error: 'auth.errors.passwordMismatch',
  });

export type TResetPasswordInput = z.infer<typeof ZResetPasswordSchema>;
