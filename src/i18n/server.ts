import 'server-only';
import { cache } from 'react';
import * as nextIntl from 'next-intl/server';
import { IntlMessageFormat } from 'intl-messageformat';
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
const sharedFormatters: ReturnType<typeof _createIntlFormatters> & {
  getMessageFormat?: (
    ...args: ConstructorParameters<typeof IntlMessageFormat>
  ) => IntlMessageFormat;
} = _createIntlFormatters(sharedCache);

/**
 * Compiled messages by locale, time zone and message text. use-intl's own memo keys every
 * formatted message with `JSON.stringify` of all its arguments — the message, the locale, the
 * whole table of date, time and number formats and the formatter options — on every call (a
 * dashboard formats a few dozen messages with values: a twentieth of its CPU in a profile). Here
 * the formats are fixed for the process (no custom or per-call formats; the time zone, the one part that
 * could vary, is in the key), so the message, locale and time zone identify the result. Bounded
 * by the catalogue.
 */
const messageFormats = new Map<string, IntlMessageFormat>();
sharedFormatters.getMessageFormat = (message, locales, formats, options) => {
  if (typeof message !== 'string') return new IntlMessageFormat(message, locales, formats, options);
  const timeZone = formats?.date?.short?.timeZone ?? '';
  const key = `${String(locales)}\u0000${timeZone}\u0000${message}`;
  let format = messageFormats.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, locales, formats, options);
    messageFormats.set(key, format);
  }
  return format;
};

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
