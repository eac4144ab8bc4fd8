'use server';

import { redirect } from 'next/navigation';
import { readSignInRefusal, signIn } from '@/server/auth';
import { fieldErrorsFrom, safeValues, type TFormState } from '../form-state';
import { safeNext, SIGNED_IN_LANDING } from './safe-next';
import { ZSignInSchema } from './sign-in.schema';

export async function signInAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = safeValues(formData);
  const parsed = ZSignInSchema.safeParse({
    email: formData.get('email'),
    password: formData.get('password'),
  });
  if (!parsed.success) {
    return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };
  }
  try {
    // The provider reads the client IP from the request headers and applies the throttle.
    await signIn('password', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
  } catch (error) {
    const refusal = readSignInRefusal(error);
    if (!refusal) throw error;
    if (refusal.kind === 'throttled') {
      return {
        status: 'error',
        message: 'auth.errors.throttled',
        messageValues: { minutes: refusal.retryAfterMinutes },
        values,
      };
    }
    return {
      status: 'error',
      message:
        refusal.kind === 'unverified' ? 'auth.errors.unverified' : 'auth.errors.invalidCredentials',
      values: { ...values, email: parsed.data.email },
    };
  }
  redirect(safeNext(formData.get('next')) ?? SIGNED_IN_LANDING);
}
