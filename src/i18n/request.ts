import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, TIME_ZONE, toLocale } from '@/lib/locale';
import { loadMessages } from '@/server/i18n';

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, timeZone: TIME_ZONE, messages: loadMessages(locale) };
});
