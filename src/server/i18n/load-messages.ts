import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AbstractIntlMessages } from 'next-intl';
import { env } from '@/env';
import type { TLocale } from '@/lib/locale';

const cache = new Map<TLocale, AbstractIntlMessages>();

/**
 * Messages live in messages/<locale>/<namespace>.json, one file per capability, so each
 * capability owns its strings. The file name is the namespace.
 */
export function loadMessages(locale: TLocale): AbstractIntlMessages {
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
