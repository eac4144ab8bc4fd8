'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import { clientIpFrom, requestSignInLink } from '@/server/auth';
import { ZRequestEmailSchema } from './request-email.schema';

/** The "send the confirmation again" button shown after a right password on an unconfirmed address. */
export async function resendConfirmationAction(formData: FormData): Promise<void> {
  const parsed = ZRequestEmailSchema.safeParse({ email: formData.get('email') });
  if (parsed.success) {
    await requestSignInLink({
      email: parsed.data.email,
      ip: clientIpFrom(await headers()),
      locale: toLocale(await getLocale()),
      confirm: true,
    });
  }
  redirect('/check-inbox?reason=link');
}
