import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { env } from '@/env';
import type { AbstractIntlMessages } from 'next-intl';
import { LOCALE_COOKIE, TIME_ZONE, toLocale, type TLocale } from '@/lib/locale';

const cache = new Map<TLocale, AbstractIntlMessages>();

/**
 * Messages live in messages/<locale>/<namespace>.json, one file per capability, so each
 * capability owns its strings. The file name is the namespace.
 */
function loadMessages(locale: TLocale): AbstractIntlMessages {
  const cached = cache.get(locale);
  if (cached && env.NODE_ENV === 'production') return cached;
  const dir = path.join(process.cwd(), 'messages', locale);
  const messages: AbstractIntlMessages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    messages[file.slice(0, -'.json'.length)] = JSON.parse(
      readFileSync(path.join(dir, file), 'utf8'),
    ) as AbstractIntlMessages;
  }
  cache.set(locale, messages);
  return messages;
}

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, timeZone: TIME_ZONE, messages: loadMessages(locale) };
});
