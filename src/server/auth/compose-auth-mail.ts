import 'server-only';
import { env } from '@/env';
import type { TLocale } from '@/lib/locale';
import { getTranslator } from '../i18n';
import type { TOutgoingMail } from '../mail';

export type TAuthMail =
  | { template: 'auth.sign_in_link'; token: string; minutes: number; next?: string | null }
  | { template: 'auth.register_confirm'; token: string; name: string; hours: number }
  | { template: 'auth.register_existing' }
  | { template: 'auth.password_reset'; token: string; minutes: number };

const MESSAGE_KEY: Record<TAuthMail['template'], string> = {
  'auth.sign_in_link': 'signInLink',
  'auth.register_confirm': 'registerConfirm',
  'auth.register_existing': 'registerExisting',
  'auth.password_reset': 'passwordReset',
};

function appUrl(pathname: string, token?: string, next?: string | null): string {
  const url = new URL(pathname, env.APP_URL);
  if (token) url.searchParams.set('token', token);
  if (next) url.searchParams.set('next', next);
  return url.toString();
}

/** Subject and plain-text body of an auth mail in the reader's language; links use APP_URL. */
export function composeAuthMail(to: string, locale: TLocale, mail: TAuthMail): TOutgoingMail {
  const t = getTranslator(locale);
  const key = `auth.mail.${MESSAGE_KEY[mail.template]}`;
  let values: Record<string, string | number>;
  switch (mail.template) {
    case 'auth.sign_in_link':
      values = { link: appUrl('/auth/link', mail.token, mail.next), minutes: mail.minutes };
      break;
    case 'auth.register_confirm':
      values = { link: appUrl('/auth/link', mail.token), name: mail.name, hours: mail.hours };
      break;
    case 'auth.register_existing':
      values = { signInLink: appUrl('/sign-in'), resetLink: appUrl('/forgot-password') };
      break;
    case 'auth.password_reset':
      values = { link: appUrl('/reset-password', mail.token), minutes: mail.minutes };
      break;
  }
  const brand = t('auth.mail.signature');
  return {
    to,
    template: mail.template,
    subject: t(`${key}.subject`),
    text: `${t(`${key}.body`, values)}\n\n${t('auth.mail.ignore')}\n\n${brand}\n`,
  };
}
