'use server';

import { redirect } from 'next/navigation';
import { readSignInRefusal, signIn } from '@/server/auth';
import { safeNext, SIGNED_IN_LANDING } from './safe-next';

/** The "Continue signing in" button on /auth/link: only this POST uses the token up. */
export async function continueSignInLinkAction(formData: FormData): Promise<void> {
  const token = formData.get('token');
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) {
    redirect('/auth/link?status=invalid');
  }
  try {
    await signIn('email-link', { token, redirect: false });
  } catch (error) {
    if (!readSignInRefusal(error)) throw error;
    redirect('/auth/link?status=invalid');
  }
  redirect(safeNext(formData.get('next')) ?? SIGNED_IN_LANDING);
}
