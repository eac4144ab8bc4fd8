'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { toLocale } from '@/lib/locale';
import { clientIpFrom, requestPasswordReset } from '@/server/auth';
import { fieldErrorsFrom, safeValues, type TFormState } from '../form-state';
import { ZRequestEmailSchema } from './request-email.schema';

export async function requestPasswordResetAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const parsed = ZRequestEmailSchema.safeParse({ email: formData.get('email') });
  if (!parsed.success) {
    return {
      status: 'error',
      fieldErrors: fieldErrorsFrom(parsed.error),
      values: safeValues(formData),
    };
  }
  await requestPasswordReset({
    email: parsed.data.email,
    ip: clientIpFrom(await headers()),
    locale: toLocale(await getLocale()),
  });
  redirect('/check-inbox?reason=reset');
}
