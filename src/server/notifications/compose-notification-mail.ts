import 'server-only';
import { env } from '@/env';
import type { TLocale } from '@/lib/locale';
import { getTranslator } from '../i18n';
import type { TOutgoingMail } from '../mail';
import { renderNotificationText } from './render-notification-text';
import type { TNotificationText } from './types';

/** The e-mail twin of an inbox notification, in the recipient's language; links use APP_URL. */
export function composeNotificationMail(
  to: string,
  locale: TLocale,
  n: {
    kind: string;
    title: TNotificationText;
    body: TNotificationText | null;
    link: string | null;
  },
): TOutgoingMail {
  const t = getTranslator(locale);
  const subject = renderNotificationText(locale, n.title);
  const parts = [subject];
  if (n.body) parts.push(renderNotificationText(locale, n.body));
  if (n.link) parts.push(t('inbox.mail.view', { link: new URL(n.link, env.APP_URL).toString() }));
  parts.push(t('inbox.mail.inbox', { link: new URL('/inbox', env.APP_URL).toString() }));
  parts.push(t('common.brand'));
  return { to, template: `notify.${n.kind}`, subject, text: `${parts.join('\n\n')}\n` };
}
