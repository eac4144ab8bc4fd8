'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { toLocale } from '@/lib/locale';
import { clientIpFrom, registerUser } from '@/server/auth';
import { fieldErrorsFrom, safeValues, type TFormState } from '../form-state';
import { ZRegisterSchema } from './register.schema';

export async function registerAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const parsed = ZRegisterSchema.safeParse({
    name: formData.get('name'),
    email: formData.get('email'),
    password: formData.get('password'),
    confirmPassword: formData.get('confirmPassword'),
  });
  if (!parsed.success) {
    return {
      status: 'error',
      fieldErrors: fieldErrorsFrom(parsed.error),
      values: safeValues(formData),
    };
  }
  await registerUser({
    name: parsed.data.name,
    email: parsed.data.email,
    password: parsed.data.password,
    locale: toLocale(await getLocale()),
    ip: clientIpFrom(await headers()),
  });
  // The same page whether the address was new or already registered.
  redirect('/check-inbox?reason=register');
}
