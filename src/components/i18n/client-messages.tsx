import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { getMessages } from '@/i18n/server';

/**
 * Hands the messages of a few namespaces to the client components below (forms that render
 * their own errors). Only pages with such forms load next-intl's client code and only these
 * strings travel with the page; the rest of the site ships no translation runtime.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: React.ReactNode;
}) {
  const messages = await getMessages();
  const picked: AbstractIntlMessages = {};
  for (const namespace of namespaces) {
    const part = messages[namespace];
    if (part !== undefined) picked[namespace] = part;
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
