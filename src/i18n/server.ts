import 'server-only';
import { cache, use } from 'react';
import type * as NextIntl from 'next-intl';
import * as nextIntl from 'next-intl/server';
import { _createCache, _createIntlFormatters, createFormatter } from 'use-intl/core';
import { createServerFormatter, createServerTranslator } from './translator';

/**
 * `getTranslations` and `getFormatter` for server components and actions — import them from
 * here, not from `next-intl/server` (ESLint enforces it).
 *
 * next-intl keeps its compiled ICU messages and its `Intl.*Format` objects in a cache made per
 * request, so every page view parsed each message it showed again and built new Intl formatters
 * (about a tenth of a signed-in page's CPU, measured with `--cpu-prof` on the dashboard). Both
 * are pure functions of their keys, and the catalogue and the option sets are fixed, so one
 * process-wide cache is bounded and shared safely by all requests: ./translator.ts's (for `t()`,
 * `format.dateTime` and `format.number`) and use-intl's below (the formatter's other methods).
 * Messages, locale and time zone still come from the request's config.
 */
const sharedFormatters = _createIntlFormatters(_createCache());

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

type TRequestConfig = Awaited<ReturnType<typeof requestConfig>>;

/**
 * Marks a promise's outcome where React's `use` looks for it (`status`, `value`, `reason`), so
 * `use` of a promise that has already settled returns at once. Without it, the first `use` of a
 * plain promise suspends the component until a later turn even when the value is there.
 */
function trackedForUse<T>(promise: Promise<T>): Promise<T> {
  const thenable = promise as Promise<T> & { status?: string; value?: T; reason?: unknown };
  thenable.status = 'pending';
  promise.then(
    (value) => {
      thenable.status = 'fulfilled';
      thenable.value = value;
    },
    (reason: unknown) => {
      thenable.status = 'rejected';
      thenable.reason = reason;
    },
  );
  return promise;
}

/** The request's i18n config, once per request (per locale asked for). */
const configFor = cache((locale: string | undefined) => trackedForUse(requestConfig(locale)));

const translatorFrom = cache((config: TRequestConfig, namespace: string | undefined) =>
  createServerTranslator({ ...config, namespace }),
);

const translatorFor = cache(async (locale: string | undefined, namespace: string | undefined) =>
  translatorFrom(await configFor(locale), namespace),
);

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

const formatterFrom = cache((config: TRequestConfig) =>
  createServerFormatter(
    createFormatter({
      ...config,
      _formatters: sharedFormatters,
      get now() {
        return new Date();
      },
    }),
    config,
  ),
);

/** Same result as next-intl's `getFormatter()`. */
export const getFormatter = (async () =>
  formatterFrom(await configFor(undefined))) as typeof nextIntl.getFormatter;

/*
 * The same for synchronous server components: `useTranslations`, `useFormatter` and `useLocale`
 * read the request's config with React's `use`. The root layout has loaded it before any page
 * renders, so they return at once, and the component is not an async one — each async server
 * component costs React a suspended task, a separate chunk of the RSC payload and another turn
 * of the event loop before its children render, which under load every request waits behind.
 */

/** Same result as next-intl's `getTranslations(namespace)`, for non-async server components. */
export const useTranslations = ((namespace?: string) =>
  translatorFrom(use(configFor(undefined)), namespace)) as typeof NextIntl.useTranslations;

/** Same result as next-intl's `getFormatter()`, for non-async server components. */
export const useFormatter = (() =>
  formatterFrom(use(configFor(undefined)))) as typeof NextIntl.useFormatter;

/** The request's locale, for non-async server components. */
export function useLocale(): string {
  return use(configFor(undefined)).locale;
}

export const getLocale = nextIntl.getLocale;
export const getMessages = nextIntl.getMessages;
