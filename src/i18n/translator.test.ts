import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement, isValidElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import {
  createFormatter,
  createTranslator,
  type AbstractIntlMessages,
  type DateTimeFormatOptions,
  type NumberFormatOptions,
} from 'use-intl/core';
import { createServerFormatter, createServerTranslator } from './translator';

const TIME_ZONE = 'Asia/Shanghai';

function catalogue(locale: string): AbstractIntlMessages {
  const dir = path.resolve('messages', locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]),
  ) as AbstractIntlMessages;
}

function flatten(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    flatten(v, prefix ? `${prefix}.${k}` : k),
  );
}

type TValues = Record<string, string | number | Date | ((chunks: string) => string)>;

/**
 * Values for every argument a message uses, of the kind its ICU syntax asks for; `variant`
 * moves numbers and select choices so plural and select branches are all reached.
 */
function valuesFor(elements: MessageFormatElement[], variant: number, values: TValues = {}) {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        values[el.value] ??= `«${el.value}»`;
        break;
      case TYPE.number:
        values[el.value] ??= [0, 1, 2, 1234.5][variant % 4] ?? 0;
        break;
      case TYPE.date:
      case TYPE.time:
        values[el.value] ??= new Date(Date.UTC(2026, 10, 25, 16 + variant, 30));
        break;
      case TYPE.plural:
        values[el.value] ??= [0, 1, 2, 5][variant % 4] ?? 0;
        for (const option of Object.values(el.options)) valuesFor(option.value, variant, values);
        break;
      case TYPE.select: {
        const choices = Object.keys(el.options);
        values[el.value] ??= choices[variant % choices.length] ?? 'other';
        for (const option of Object.values(el.options)) valuesFor(option.value, variant, values);
        break;
      }
      case TYPE.tag:
        values[el.value] ??= (chunks: string) => `<${el.value}>${chunks}</${el.value}>`;
        valuesFor(el.children, variant, values);
        break;
      default:
        break;
    }
  }
  return values;
}

describe('createServerTranslator gives what use-intl gives', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const locale of ['zh-CN', 'en']) {
    it(`for every message in ${locale}, in every plural and select branch`, () => {
      const messages = catalogue(locale);
      const ours = createServerTranslator({ locale, messages, timeZone: TIME_ZONE });
      const theirs = createTranslator({ locale, messages, timeZone: TIME_ZONE });
      const entries = flatten(messages);
      expect(entries.length).toBeGreaterThan(500);
      let compared = 0;
      for (const [key, message] of entries) {
        const elements = parse(message);
        for (let variant = 0; variant < 4; variant++) {
          const values = valuesFor(elements, variant);
          const hasValues = Object.keys(values).length > 0;
          const hasTags = Object.values(values).some((v) => typeof v === 'function');
          const mine = hasTags
            ? ours.markup(key, values as never)
            : ours(key, hasValues ? (values as never) : undefined);
          const reference = hasTags
            ? theirs.markup(key as never, values as never)
            : theirs(key as never, hasValues ? (values as never) : undefined);
          expect(mine, `${locale} ${key} (variant ${variant})`).toBe(reference);
          compared++;
          if (!hasValues) break;
        }
      }
      expect(compared).toBeGreaterThan(entries.length);
    });
  }

  it('resolves keys inside a namespace, with has and raw', () => {
    const messages = catalogue('en');
    const ours = createServerTranslator({ locale: 'en', messages, namespace: 'common' });
    const theirs = createTranslator({ locale: 'en', messages, namespace: 'common' });
    expect(ours('brand')).toBe(theirs('brand' as never));
    expect(ours.has('brand')).toBe(true);
    expect(ours.has('no.such.key')).toBe(false);
    expect(ours.raw('brand')).toBe(theirs.raw('brand' as never));
  });

  it('keeps what a key stands for per namespace: the same key in two namespaces, asked twice', () => {
    const messages = { a: { title: 'A {n}' }, b: { title: 'B' } };
    const a = createServerTranslator({ locale: 'en', messages, namespace: 'a' });
    const b = createServerTranslator({ locale: 'en', messages, namespace: 'b' });
    for (let i = 0; i < 2; i++) {
      expect(a('title', { n: i })).toBe(`A ${i}`);
      expect(b('title')).toBe('B');
    }
  });

  it('answers a missing key or a namespace object with the key, and logs the error', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const messages = catalogue('en');
    const ours = createServerTranslator({ locale: 'en', messages, namespace: 'common' });
    expect(ours('no.such.key')).toBe('common.no.such.key');
    expect(ours('nav')).toBe('common.nav');
    expect(logged).toHaveBeenCalledTimes(2);
  });

  it('gives rich text the elements its tag functions return, keyed as use-intl keys them', () => {
    const messages = { m: { due: 'Pay by <strong>{date}</strong> or <strong>now</strong>' } };
    const strong = (chunks: ReactNode) => createElement('strong', null, chunks);
    const mine = createServerTranslator({ locale: 'en', messages }).rich('m.due', {
      date: '1 Dec',
      strong,
    });
    const reference = createTranslator({ locale: 'en', messages }).rich('m.due', {
      date: '1 Dec',
      strong,
    });
    const shape = (node: ReactNode) =>
      (Array.isArray(node) ? (node as ReactNode[]) : [node]).map((part) =>
        isValidElement(part) ? { key: part.key, props: part.props } : { text: part },
      );
    expect(shape(mine)).toEqual(shape(reference));
    expect(shape(mine).map((p) => ('key' in p ? p.key : p.text))).toEqual([
      'Pay by ',
      'strong0',
      ' or ',
      'strong1',
    ]);
  });
});

describe('createServerFormatter gives what use-intl gives', () => {
  const moments = [new Date(Date.UTC(2026, 10, 25, 16, 30)), new Date(Date.UTC(2026, 0, 1, 0, 5))];
  const dateOptions: (DateTimeFormatOptions | undefined)[] = [
    undefined,
    { dateStyle: 'medium' },
    { dateStyle: 'long' },
    { dateStyle: 'medium', timeStyle: 'short' },
    { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' },
    { year: 'numeric', month: 'long' },
  ];
  const numberOptions: (NumberFormatOptions | undefined)[] = [
    undefined,
    { maximumFractionDigits: 2 },
    { minimumFractionDigits: 0, maximumFractionDigits: 2 },
    { style: 'percent' },
  ];

  for (const locale of ['zh-CN', 'en']) {
    it(`formats dates in the request's time zone and numbers as use-intl does (${locale})`, () => {
      const config = { locale, timeZone: TIME_ZONE };
      const reference = createFormatter(config);
      const ours = createServerFormatter(createFormatter(config), config);
      for (const moment of moments) {
        for (const options of dateOptions) {
          expect(ours.dateTime(moment, options)).toBe(reference.dateTime(moment, options));
        }
      }
      for (const value of [0, 1.5, 1234.567, -0.25]) {
        for (const options of numberOptions) {
          expect(ours.number(value, options)).toBe(reference.number(value, options));
        }
      }
    });
  }

  it('gives each moment and each option set its own text when asked again (formatted dates are kept)', () => {
    const config = { locale: 'zh-CN', timeZone: TIME_ZONE };
    const reference = createFormatter(config);
    const ours = createServerFormatter(createFormatter(config), config);
    for (let round = 0; round < 2; round++) {
      for (const moment of [...moments, moments[0]!.getTime(), moments[1]!.getTime() + 1]) {
        for (const options of dateOptions) {
          expect(ours.dateTime(moment, options)).toBe(reference.dateTime(moment, options));
        }
      }
    }
  });

  it('answers a value Intl refuses with the value as text, and logs the error', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const config = { locale: 'en', timeZone: TIME_ZONE };
    const ours = createServerFormatter(createFormatter(config), config);
    expect(ours.dateTime(Number.NaN)).toBe('NaN');
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
