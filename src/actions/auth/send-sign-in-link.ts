'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { toLocale } from '@/lib/locale';
import { clientIpFrom, requestSignInLink } from '@/server/auth';
import { fieldErrorsFrom, safeValues, type TFormState } from '../form-state';
import { ZRequestEmailSchema } from './request-email.schema';
import { safeNext } from './safe-next';

export async function sendSignInLinkAction(
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
  await requestSignInLink({
    email: parsed.data.email,
    ip: clientIpFrom(await headers()),
    locale: toLocale(await getLocale()),
    next: safeNext(formData.get('next')),
  });
  redirect('/check-inbox?reason=link');
}
