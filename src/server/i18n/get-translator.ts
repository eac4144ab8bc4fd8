import 'server-only';
import { createTranslator } from 'next-intl';
import { TIME_ZONE, type TLocale } from '@/lib/locale';
import { loadMessages } from './load-messages';

/**
 * A translator outside a request (mail, PDFs, jobs): the same message files the pages use.
 * Keys are checked at run time only, so callers pass full keys like 'auth.mail.signInLink.subject'.
 */
export function getTranslator(locale: TLocale) {
  const t = createTranslator({ locale, messages: loadMessages(locale), timeZone: TIME_ZONE });
  return (key: string, values?: Record<string, string | number | Date>) =>
    (t as unknown as (k: string, v?: Record<string, string | number | Date>) => string)(
      key,
      values,
    );
}
