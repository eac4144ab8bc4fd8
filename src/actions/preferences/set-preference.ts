'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOCALE_COOKIE, TEXT_SIZE_COOKIE } from '@/lib/locale';
import { env } from '@/env';
import { ZSetLocaleSchema, ZSetTextSizeSchema } from './set-preference.schema';

const YEAR = 60 * 60 * 24 * 365;

/** Back to the page the form was on (same origin only), so switching works without JS. */
async function backToReferrer(): Promise<never> {
  const referer = (await headers()).get('referer');
  let target = '/';
  if (referer) {
    try {
      const url = new URL(referer);
      const host = (await headers()).get('host');
      if (url.host === host) target = `${url.pathname}${url.search}`;
    } catch {
      // malformed referer: go home
    }
  }
  redirect(target);
}

const cookieOptions = () =>
  ({
    path: '/',
    maxAge: YEAR,
    sameSite: 'lax',
    httpOnly: true,
    secure: env.NODE_ENV === 'production' && env.APP_URL.startsWith('https:'),
  }) as const;

export async function setLocale(formData: FormData): Promise<void> {
  const parsed = ZSetLocaleSchema.safeParse({ locale: formData.get('locale') });
  if (parsed.success) (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, cookieOptions());
  await backToReferrer();
}

export async function setTextSize(formData: FormData): Promise<void> {
  const parsed = ZSetTextSizeSchema.safeParse({ size: formData.get('size') });
  if (parsed.success) (await cookies()).set(TEXT_SIZE_COOKIE, parsed.data.size, cookieOptions());
  await backToReferrer();
}
