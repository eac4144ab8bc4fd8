import 'server-only';
import type { TLocale } from '@/lib/locale';
import { getTranslator } from '../i18n';
import type { TNotificationText, TNotificationValue } from './types';

function toMessageValue(value: TNotificationValue): string | number | Date {
  return typeof value === 'object' ? new Date(value.date) : value;
}

/**
 * A stored notification text in the reader's language. A key that no longer exists (a message
 * renamed after the notification was stored) falls back to the key itself rather than failing
 * the whole inbox.
 */
export function renderNotificationText(locale: TLocale, text: TNotificationText): string {
  const t = getTranslator(locale);
  const values = Object.fromEntries(
    Object.entries(text.values ?? {}).map(([k, v]) => [k, toMessageValue(v)]),
  );
  try {
    return t(text.key, values);
  } catch {
    return text.key;
  }
}
