import 'server-only';
import { cache } from 'react';
import * as nextIntl from 'next-intl/server';
import {
  _createCache,
  _createIntlFormatters,
  createFormatter,
  createTranslator,
} from 'use-intl/core';

/**
 * `getTranslations` and `getFormatter` for server components and actions — import them from
 * here, not from `next-intl/server` (ESLint enforces it).
 *
 * next-intl keeps its compiled ICU messages and its `Intl.*Format` objects in a cache made per
 * request, so every page view parsed each message it showed again and built new Intl formatters
 * (about a tenth of a signed-in page's CPU, measured with `--cpu-prof` on the dashboard). Both
 * are pure functions of their keys — the message cache is keyed by locale, namespace, key and
 * message text, the formatter cache by the constructor's arguments (locale and options) — and
 * the catalogue and the option sets are fixed, so one process-wide cache is bounded and shared
 * safely by all requests. Messages, locale and time zone still come from the request's config.
 */
const sharedCache = _createCache();
const sharedFormatters = _createIntlFormatters(sharedCache);

/** The request's locale, messages and time zone (or another locale's, when asked for). */
async function requestConfig(locale?: string) {
  const options = locale ? { locale } : undefined;
  const [requestLocale, messages, timeZone] = await Promise.all([
    nextIntl.getLocale(),
    nextIntl.getMessages(options),
    nextIntl.getTimeZone(options),
  ]);
  return { locale: locale ?? requestLocale, messages, timeZone };
}

const translatorFor = cache(async (locale: string | undefined, namespace: string | undefined) => {
  const config = await requestConfig(locale);
  return createTranslator({
    ...config,
    namespace,
    _cache: sharedCache,
    _formatters: sharedFormatters,
  } as Parameters<typeof createTranslator>[0]);
});

/** Same signatures and result as next-intl's `getTranslations`. */
export const getTranslations = ((
  namespaceOrOptions?: string | { locale?: string; namespace?: string },
) =>
  typeof namespaceOrOptions === 'string' || namespaceOrOptions === undefined
    ? translatorFor(undefined, namespaceOrOptions)
    : translatorFor(
        namespaceOrOptions.locale,
        namespaceOrOptions.namespace,
      )) as typeof nextIntl.getTranslations;

const formatter = cache(async () => {
  const config = await requestConfig();
  return createFormatter({
    ...config,
    _formatters: sharedFormatters,
    get now() {
      return new Date();
    },
  });
});

/** Same result as next-intl's `getFormatter()`. */
export const getFormatter = (() => formatter()) as typeof nextIntl.getFormatter;

export const getLocale = nextIntl.getLocale;
export const getMessages = nextIntl.getMessages;
