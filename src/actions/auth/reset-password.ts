'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIpFrom, resetPassword } from '@/server/auth';
import { fieldErrorsFrom, type TFormState } from '../form-state';
import { ZResetPasswordSchema } from './reset-password.schema';

export async function resetPasswordAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const parsed = ZResetPasswordSchema.safeParse({
    token: formData.get('token'),
    password: formData.get('password'),
    confirmPassword: formData.get('confirmPassword'),
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFrom(parsed.error);
    if (fieldErrors.token) redirect('/reset-password?status=invalid');
    return { status: 'error', fieldErrors };
  }
  const result = await resetPassword({
    token: parsed.data.token,
    password: parsed.data.password,
    ip: clientIpFrom(await headers()),
  });
  if (!result.ok) redirect('/reset-password?status=invalid');
  redirect('/sign-in?notice=password-reset');
}
