import { cloneElement, isValidElement, type ReactNode } from 'react';
import { IntlMessageFormat, type Formats, type Formatters } from 'intl-messageformat';
import { IntlError, IntlErrorCode, type AbstractIntlMessages } from 'use-intl/core';
import { cachedIntl } from '@/lib/intl-cache';

/**
 * The server's `t()`: the same results as use-intl's `createTranslator` (which next-intl's
 * `getTranslations` returns) for our catalogue — same key lookup, same ICU formatting by
 * intl-messageformat, same plain-text shortcut, same fallback (`namespace.key`, error logged) —
 * at a fraction of its cost per call.
 *
 * use-intl rebuilds a per-call formats table (every date and time style copied with the time
 * zone merged in), splits the key, copies the values and spreads its formatters on every call
 * with values, and keys its Intl formatter memo with `JSON.stringify` of all arguments: about a
 * fourteenth of a signed-in page's server CPU (`--cpu-prof` on the dashboard). Here a key is
 * resolved once per catalogue, a message compiled once per locale and time zone, and the
 * formats and formatters are made once per locale and time zone. All are bounded: by the
 * catalogue's keys and messages, and the Intl option sets the messages use.
 */

type TValue = string | number | boolean | Date | null | undefined;
type TRichValue = TValue | ((chunks: ReactNode) => ReactNode);
type TValues = Record<string, TRichValue>;

/** The ICU features that need the compiler; anything else is the text itself (use-intl's rule). */
const NEEDS_COMPILER = /'[{}<#|']|<|\{/;

/** Resolved keys per catalogue object (one per locale in production). */
const resolvedKeys = new WeakMap<AbstractIntlMessages, Map<string, unknown>>();

function resolve(messages: AbstractIntlMessages, fullKey: string): unknown {
  let byKey = resolvedKeys.get(messages);
  if (!byKey) {
    byKey = new Map();
    resolvedKeys.set(messages, byKey);
  }
  if (byKey.has(fullKey)) return byKey.get(fullKey);
  let node: unknown = messages;
  for (const part of fullKey.split('.')) {
    node =
      node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : null;
    if (node === null || node === undefined) {
      node = undefined;
      break;
    }
  }
  byKey.set(fullKey, node);
  return node;
}

/**
 * What a key of a namespace stands for, worked out on its first use in the process: nothing, a
 * namespace object, text to return as it is, or a compiled ICU message. Looked up by the key as
 * the caller wrote it — a literal in the source, whose hash V8 keeps — not by `namespace.key`,
 * which would be a new string to hash on every call.
 */
type TEntry =
  | { kind: 'missing' }
  | { kind: 'object'; type: string }
  | { kind: 'text'; message: string }
  | { kind: 'icu'; message: string; format?: IntlMessageFormat };

/** Entries per catalogue object, then per namespace and time zone, then per key. */
const entryTables = new WeakMap<AbstractIntlMessages, Map<string, Map<string, TEntry>>>();

function entryTable(messages: AbstractIntlMessages, scope: string): Map<string, TEntry> {
  let byScope = entryTables.get(messages);
  if (!byScope) {
    byScope = new Map();
    entryTables.set(messages, byScope);
  }
  let table = byScope.get(scope);
  if (!table) {
    table = new Map();
    byScope.set(scope, table);
  }
  return table;
}

/** An Intl formatter by constructor, locale and options, made once (src/lib/intl-cache.ts). */
function memoIntl<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  kind: string,
  locales: Intl.LocalesArgument,
  options: object | undefined,
  make: () => T,
): T {
  return cachedIntl(
    `icu-${kind}|${String(locales)}|${options ? JSON.stringify(options) : ''}`,
    make,
  );
}

type TCompiler = {
  formats: Partial<Formats>;
  formatters: Formatters;
  messages: Map<string, IntlMessageFormat>;
};

/** Formats, formatters and compiled messages per locale and time zone. */
const compilers = new Map<string, TCompiler>();

function compilerFor(locale: string, timeZone: string | undefined): TCompiler {
  const key = `${locale}\u0000${timeZone ?? ''}`;
  let compiler = compilers.get(key);
  if (compiler) return compiler;
  // use-intl's conversion: intl-messageformat's date and time styles, each with the time zone.
  const withZone = (styles: Record<string, Intl.DateTimeFormatOptions>) =>
    Object.fromEntries(
      Object.entries(styles).map(([name, style]) => [
        name,
        timeZone ? { timeZone, ...style } : style,
      ]),
    );
  compiler = {
    formats: {
      date: withZone(IntlMessageFormat.formats.date),
      time: withZone(IntlMessageFormat.formats.time),
      number: {},
    },
    formatters: {
      getNumberFormat: (locales, options) =>
        memoIntl('n', locales, options, () => new Intl.NumberFormat(locales, options)),
      // Dates written as skeletons (`::yyyyMMM`) carry no time zone: use the request's, as
      // use-intl does.
      getDateTimeFormat: (locales, options) => {
        const zoned = { ...options, timeZone: options?.timeZone ?? timeZone };
        return memoIntl('d', locales, zoned, () => new Intl.DateTimeFormat(locales, zoned));
      },
      getPluralRules: (locales, options) =>
        memoIntl('p', locales, options, () => new Intl.PluralRules(locales, options)),
    },
    messages: new Map(),
  };
  compilers.set(key, compiler);
  return compiler;
}

function compiled(message: string, locale: string, timeZone: string | undefined) {
  const compiler = compilerFor(locale, timeZone);
  let format = compiler.messages.get(message);
  if (!format) {
    format = new IntlMessageFormat(message, locale, compiler.formats, {
      formatters: compiler.formatters,
    });
    compiler.messages.set(message, format);
  }
  return format;
}

/** use-intl's treatment of rich values: each element a tag function returns gets a key. */
function prepareValues(values: TValues): Record<string, unknown> {
  let rich = false;
  for (const name in values) {
    if (typeof values[name] === 'function') {
      rich = true;
      break;
    }
  }
  // intl-messageformat only reads the values: without tag functions they go in as they are.
  if (!rich) return values;
  const prepared: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'function') {
      prepared[name] = value;
      continue;
    }
    let index = 0;
    prepared[name] = (chunks: ReactNode) => {
      const result = value(chunks);
      return isValidElement(result) ? cloneElement(result, { key: name + index++ }) : result;
    };
  }
  return prepared;
}

/**
 * Formatted dates per formatter, by time. Formatting a date is the costly part of a `dateTime`
 * call (ICU, several microseconds), and the same few days recur across page views — reading days,
 * due dates, bill months. Each table is bounded: it starts again when full.
 */
const formattedDates = new WeakMap<Intl.DateTimeFormat, Map<number, string>>();
const FORMATTED_DATES_PER_FORMATTER = 2_000;

function formatDate(formatter: Intl.DateTimeFormat, value: Date | number): string {
  const time = typeof value === 'number' ? value : value.getTime();
  let byTime = formattedDates.get(formatter);
  if (!byTime) {
    byTime = new Map();
    formattedDates.set(formatter, byTime);
  }
  let text = byTime.get(time);
  if (text === undefined) {
    text = formatter.format(value);
    if (byTime.size >= FORMATTED_DATES_PER_FORMATTER) byTime.clear();
    byTime.set(time, text);
  }
  return text;
}

/**
 * `format.dateTime` and `format.number` as use-intl's `createFormatter` gives them (the
 * request's time zone unless the options name one; the value as text, error logged, when Intl
 * refuses), with the Intl formatter looked up by its options instead of use-intl's memo of every
 * argument. The other methods are use-intl's own.
 */
export function createServerFormatter<T extends object>(
  base: T,
  { locale, timeZone }: { locale: string; timeZone?: string },
): T {
  function formatted(value: unknown, format: () => string): string {
    try {
      return format();
    } catch (error) {
      console.error(
        new IntlError(
          IntlErrorCode.FORMATTING_ERROR,
          error instanceof Error ? error.message : String(error),
        ),
      );
      return String(value);
    }
  }
  return {
    ...base,
    dateTime(value: Date | number, options?: Intl.DateTimeFormatOptions) {
      const zoned = options?.timeZone || !timeZone ? options : { ...options, timeZone };
      return formatted(value, () =>
        formatDate(
          memoIntl('d', locale, zoned, () => new Intl.DateTimeFormat(locale, zoned)),
          value,
        ),
      );
    },
    number(value: number | bigint, options?: Intl.NumberFormatOptions) {
      return formatted(value, () =>
        memoIntl('n', locale, options, () => new Intl.NumberFormat(locale, options)).format(value),
      );
    },
  };
}

export type TTranslatorConfig = {
  locale: string;
  messages: AbstractIntlMessages;
  timeZone?: string;
  namespace?: string;
};

export function createServerTranslator({
  locale,
  messages,
  timeZone,
  namespace,
}: TTranslatorConfig) {
  const prefix = namespace ? `${namespace}.` : '';

  function fail(key: string, code: IntlErrorCode, message: string): string {
    console.error(new IntlError(code, message));
    return prefix + key;
  }

  const entries = entryTable(messages, `${prefix}\u0000${timeZone ?? ''}`);

  function entryFor(key: string): TEntry {
    let entry = entries.get(key);
    if (entry) return entry;
    const message = resolve(messages, prefix + key);
    // A key that resolves to nothing is not kept: such keys may come from outside (an unknown
    // status, say), and there is no bound on them.
    if (message === undefined) return { kind: 'missing' };
    if (typeof message !== 'string') entry = { kind: 'object', type: typeof message };
    else if (!NEEDS_COMPILER.test(message)) entry = { kind: 'text', message };
    else entry = { kind: 'icu', message };
    entries.set(key, entry);
    return entry;
  }

  function translateBase(key: string, values?: TValues): ReactNode {
    const entry = entryFor(key);
    switch (entry.kind) {
      case 'text':
        return entry.message;
      case 'missing':
        return fail(
          key,
          IntlErrorCode.MISSING_MESSAGE,
          `Could not resolve \`${prefix + key}\` in messages for locale \`${locale}\`.`,
        );
      case 'object':
        return fail(
          key,
          IntlErrorCode.INSUFFICIENT_PATH,
          `Message at \`${prefix + key}\` resolved to \`${entry.type}\`, but only strings are supported.`,
        );
      case 'icu':
        try {
          entry.format ??= compiled(entry.message, locale, timeZone);
          return entry.format.format(values ? prepareValues(values) : values) as ReactNode;
        } catch (error) {
          return fail(
            key,
            IntlErrorCode.FORMATTING_ERROR,
            error instanceof Error ? error.message : String(error),
          );
        }
    }
  }

  function toString(key: string, result: ReactNode, what: string): string {
    if (typeof result === 'string') return result;
    return fail(
      key,
      what === 'markup' ? IntlErrorCode.FORMATTING_ERROR : IntlErrorCode.INVALID_MESSAGE,
      `The message \`${key}\` in ${namespace ? `namespace \`${namespace}\`` : 'messages'} didn't resolve to a string.`,
    );
  }

  const translate = (key: string, values?: Record<string, TValue>) =>
    toString(key, translateBase(key, values), 't');
  translate.rich = (key: string, values?: TValues) => translateBase(key, values);
  translate.markup = (
    key: string,
    values?: Record<string, TValue | ((chunks: string) => string)>,
  ) => toString(key, translateBase(key, values as TValues), 'markup');
  translate.raw = (key: string): unknown => {
    const message = resolve(messages, prefix + key);
    if (message !== undefined) return message;
    return fail(
      key,
      IntlErrorCode.MISSING_MESSAGE,
      `Could not resolve \`${prefix + key}\` in messages for locale \`${locale}\`.`,
    );
  };
  translate.has = (key: string) => resolve(messages, prefix + key) !== undefined;
  return translate;
}
