'use server';

import { redirect } from 'next/navigation';
import { registerUser } from '@/server/auth';
import { parseFormData, type TFormState } from '../form-state';
import { requestOrigin } from '../request-origin';
import { ZRegisterSchema } from './register.schema';

export async function registerAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const parsed = parseFormData(ZRegisterSchema, formData);
  if (!parsed.ok) return parsed.state;
  await registerUser({
    name: parsed.data.name,
    email: parsed.data.email,
    password: parsed.data.password,
    ...(await requestOrigin()),
  });
  // The same page whether the address was new or already registered.
  redirect('/check-inbox?reason=register');
}
