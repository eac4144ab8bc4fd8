import { z } from 'zod';
import { ZCurrentPasswordField, ZEmailField } from './fields.schema';

export const ZSignInSchema = z.object({
  email: ZEmailField,
  password: ZCurrentPasswordField,
});

export type TSignInInput = z.infer<typeof ZSignInSchema>;
