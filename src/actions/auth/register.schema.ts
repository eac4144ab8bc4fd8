import { z } from 'zod';
import { NAME_MAX_LENGTH, ZEmailField, ZNewPasswordField } from './fields.schema';

export const ZRegisterSchema = z
  .object({
    name: z
      .string({ error: 'auth.errors.nameRequired' })
      .trim()
      .min(1, { error: 'auth.errors.nameRequired', abort: true })
      .max(NAME_MAX_LENGTH, { error: 'auth.errors.nameTooLong' }),
    email: ZEmailField,
    password: ZNewPasswordField,
    confirmPassword: z.string({ error: 'auth.errors.passwordMismatch' }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    error: 'auth.errors.passwordMismatch',
  });

export type TRegisterInput = z.infer<typeof ZRegisterSchema>;
