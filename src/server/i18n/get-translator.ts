import 'server-only';
// Not next-intl: under the react-server condition (npm run worker, scripts, benches)
// next-intl's entry pulls in React hooks that build lacks and fails to load. The pages'
// translator (src/i18n/translator.ts) needs only intl-messageformat and use-intl/core.
import type { AbstractIntlMessages } from 'use-intl/core';
import { createServerTranslator } from '@/i18n/translator';
import { TIME_ZONE, type TLocale } from '@/lib/locale';
import { loadMessages } from './load-messages';

type TTranslate = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * One translator per loaded message set: a translator keeps its compiled ICU messages, so
 * reusing it makes the thousandth mail of a notice to a whole district as cheap as a lookup
 * (creating one per call cost ~3 ms per mail in production). In development loadMessages
 * returns fresh messages on each call, so edits still show at once.
 */
const translators = new WeakMap<AbstractIntlMessages, TTranslate>();

/**
 * A translator outside a request (mail, PDFs, jobs): the same message files the pages use.
 * Keys are checked at run time only, so callers pass full keys like 'auth.mail.signInLink.subject'.
 */
export function getTranslator(locale: TLocale): TTranslate {
  const messages = loadMessages(locale);
  let translate = translators.get(messages);
  if (!translate) {
    const t = createServerTranslator({ locale, messages, timeZone: TIME_ZONE });
    translate = (key, values) => t(key, values);
    translators.set(messages, translate);
  }
  return translate;
}
