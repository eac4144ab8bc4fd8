import 'server-only';
import { formatFen } from '@/lib/money';
import { cachedIntl } from '@/lib/intl-cache';
import type { TLocale } from '@/lib/locale';
import type { TBillLine } from './types';

/**
 * A translator for full message keys ('bills.line.tier'): next-intl's `getTranslations()` in a
 * page, `getTranslator(locale)` from '@/server/i18n' in a PDF or a job.
 */
export type TBillTranslate = (key: string, values?: Record<string, string | number>) => string;

/** The explanation keys the tariff maths writes (src/server/tariffs/compute-bill-lines.ts). */
const KNOWN_KEYS = new Set([
  'bills.line.tier',
  'bills.line.tierPart',
  'bills.line.fixed',
  'bills.line.surcharge',
]);

/** The explanation keys fee waivers write (src/server/assistance/compute-waiver-lines.ts). */
const WAIVER_KEYS = new Set([
  'assistance.line.allowance',
  'assistance.line.allowanceParts',
  'assistance.line.fixedShare',
  'assistance.line.credit',
]);

/** Intl formats a decimal string exactly (ES2023); the cast keeps older lib typings quiet. */
const exact = (value: string) => value as unknown as number;

/** "150" / "12.5" / "1,234.56": a quantity as billed, at most two decimals. */
export function formatQuantity(quantity: string, locale: TLocale): string {
  return cachedIntl(
    `bill-quantity|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
  ).format(exact(quantity));
}

/**
 * "¥0.538": a unit price keeps the decimals it was billed with (at least two), trailing zeros
 * of the stored numeric(10,4) dropped: "0.5380" → "¥0.538", "5.0000" → "¥5.00".
 */
export function formatUnitPrice(unitPrice: string, locale: TLocale, currency = 'CNY'): string {
  const trimmed = unitPrice.includes('.')
    ? unitPrice.replace(/0+$/, '').replace(/\.$/, '')
    : unitPrice;
  const decimals = Math.max(2, trimmed.split('.')[1]?.length ?? 0);
  return cachedIntl(
    `bill-price|${locale}|${currency}|${decimals}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      }),
  ).format(exact(trimmed));
}

/** "3月1日" / "1 Mar" for a YYYY-MM-DD date. */
function formatDay(date: string, locale: TLocale): string {
  return cachedIntl(
    `bill-day|${locale}`,
    () => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(`${date}T00:00:00Z`));
}

function valueOf(values: Record<string, string | number>, key: string): string | undefined {
  const value = values[key];
  return value === undefined ? undefined : String(value);
}

/**
 * An allowance that waives several parts (its units' tier prices and their surcharges):
 * "低保户用水用电减免 10 m³（含污水处理费）：第一档 10 m³ × ¥3.45 + 污水处理费 10 m³ × ¥0.95 = -¥44.00",
 * every part from the stored explanation (compute-waiver-lines.ts), the total the line's own.
 */
function renderAllowanceParts(
  values: Record<string, string | number>,
  name: string,
  amount: string,
  t: TBillTranslate,
  locale: TLocale,
  currency: string,
): string {
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  for (let i = 0; i < Number(values.parts ?? 0); i++) {
    const common = {
      quantity: formatQuantity(valueOf(values, `part${i}Quantity`) ?? '0', locale),
      unit: valueOf(values, 'unit') ?? '',
      unitPrice: formatUnitPrice(valueOf(values, `part${i}UnitPrice`) ?? '0', locale, currency),
    };
    parts.push(
      valueOf(values, `part${i}Kind`) === 'surcharge'
        ? t('assistance.line.partSurcharge', {
            ...common,
            name: valueOf(values, `part${i}Name${zh ? 'Zh' : 'En'}`) ?? '',
          })
        : t('assistance.line.partTier', {
            ...common,
            tierName: t('bills.tierName', { tier: Number(valueOf(values, `part${i}Tier`) ?? 1) }),
          }),
    );
  }
  const surcharges = valueOf(values, zh ? 'surchargesZh' : 'surchargesEn') ?? '';
  return t('assistance.line.allowanceParts', {
    name,
    quantity: formatQuantity(valueOf(values, 'quantity') ?? '0', locale),
    unit: valueOf(values, 'unit') ?? '',
    including: surcharges ? t('assistance.line.including', { names: surcharges }) : '',
    parts: parts.join(' + '),
    amount,
  });
}

/**
 * One bill line as a sentence a resident can check with a calculator:
 * zh "第一档 150 kWh × ¥0.538 = ¥80.70", en "Tier 1: 150 kWh × ¥0.538 = ¥80.70".
 * Everything comes from what was billed (the line and its stored explanation values); the
 * amount is the line's own amountFen, never recomputed. Lines without a known explanation
 * (adjustments, waivers, credits added by later features) read "<kind> ¥x".
 */
export function renderBillLine(
  line: TBillLine,
  t: TBillTranslate,
  locale: TLocale,
  currency = 'CNY',
): string {
  const amount = formatFen(line.amountFen, locale, currency);
  const key = line.explanation?.key;
  const values = line.explanation?.values ?? {};
  const quantity = valueOf(values, 'quantity') ?? line.quantity;
  const unitPrice = valueOf(values, 'unitPrice') ?? line.unitPrice;
  const unit = valueOf(values, 'unit') ?? '';
  const from = valueOf(values, 'from');
  const to = valueOf(values, 'to');
  const span =
    from && to
      ? t('bills.line.span', { from: formatDay(from, locale), to: formatDay(to, locale) })
      : '';

  if (key && WAIVER_KEYS.has(key)) {
    const name = valueOf(values, locale === 'zh-CN' ? 'nameZh' : 'nameEn') ?? '';
    if (key === 'assistance.line.fixedShare') {
      const base = formatFen(Number(valueOf(values, 'baseFen') ?? 0), locale, currency);
      return t(key, { name, base, percent: valueOf(values, 'percent') ?? '', amount });
    }
    if (key === 'assistance.line.allowanceParts') {
      return renderAllowanceParts(values, name, amount, t, locale, currency);
    }
    if (key === 'assistance.line.credit') {
      const period = valueOf(values, 'period');
      const month = period
        ? cachedIntl(
            `bill-month|${locale}`,
            () =>
              new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
          ).format(new Date(`${period}T00:00:00Z`))
        : '';
      return t(key, { name, month, amount });
    }
    if (quantity && unitPrice) {
      return t(key, {
        name,
        quantity: formatQuantity(quantity, locale),
        unit,
        unitPrice: formatUnitPrice(unitPrice, locale, currency),
        amount,
      });
    }
  }
  if (key && KNOWN_KEYS.has(key)) {
    if (key === 'bills.line.fixed') {
      const days = valueOf(values, 'days');
      return span
        ? t('bills.line.fixedPart', { span, days: days ?? '', amount })
        : t('bills.line.fixed', { amount });
    }
    if (
      quantity !== null &&
      quantity !== undefined &&
      unitPrice !== null &&
      unitPrice !== undefined
    ) {
      const common = {
        quantity: formatQuantity(quantity, locale),
        unit,
        unitPrice: formatUnitPrice(unitPrice, locale, currency),
        amount,
      };
      if (key === 'bills.line.surcharge') {
        const name =
          valueOf(values, locale === 'zh-CN' ? 'nameZh' : 'nameEn') ?? t('bills.kind.surcharge');
        return span
          ? t('bills.line.surchargePart', { ...common, name, span })
          : t('bills.line.surcharge', { ...common, name });
      }
      const tier = Number(valueOf(values, 'tier') ?? line.tierNo ?? 0);
      const tierName = t('bills.tierName', { tier });
      return span
        ? t('bills.line.tierPart', { ...common, tierName, span })
        : t('bills.line.tier', { ...common, tierName });
    }
  }
  return t('bills.line.other', { kind: t(`bills.kind.${line.kind}`), amount });
}
