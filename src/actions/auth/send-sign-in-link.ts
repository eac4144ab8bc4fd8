'use server';

import { redirect } from 'next/navigation';
import { requestSignInLink } from '@/server/auth';
import { parseFormData, type TFormState } from '../form-state';
import { requestOrigin } from '../request-origin';
import { ZRequestEmailSchema } from './request-email.schema';
import { safeNext } from './safe-next';

export async function sendSignInLinkAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const parsed = parseFormData(ZRequestEmailSchema, formData);
  if (!parsed.ok) return parsed.state;
  await requestSignInLink({
    email: parsed.data.email,
    ...(await requestOrigin()),
    next: safeNext(formData.get('next')),
  });
  redirect('/check-inbox?reason=link');
}
