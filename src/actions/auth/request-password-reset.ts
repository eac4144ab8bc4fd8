'use server';

import { redirect } from 'next/navigation';
import { requestPasswordReset } from '@/server/auth';
import { parseFormData, type TFormState } from '../form-state';
import { requestOrigin } from '../request-origin';
import { ZRequestEmailSchema } from './request-email.schema';

export async function requestPasswordResetAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const parsed = parseFormData(ZRequestEmailSchema, formData);
  if (!parsed.ok) return parsed.state;
  await requestPasswordReset({
    email: parsed.data.email,
    ...(await requestOrigin()),
  });
  redirect('/check-inbox?reason=reset');
}
