import { Decimal, type TDecimalValue } from './decimal';
import type { TLocale } from './locale';
import { cachedIntl } from './intl-cache';

/**
 * Money is integer minor units (分, fen) everywhere; prices are decimal strings. These helpers
 * are the only place a fen amount becomes text or a decimal becomes fen (ADR 007).
 */

function formatterFor(locale: TLocale, currency: string): Intl.NumberFormat {
  return cachedIntl(
    `money|${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        // "¥" in English too (the default is "CN¥"): the bill reads the same in both languages.
        currencyDisplay: 'narrowSymbol',
      }),
  );
}

/** "¥80.70" from 8070. Goes through a decimal string so no float ever carries the amount. */
export function formatFen(fen: number, locale: TLocale, currency = 'CNY'): string {
  assertFen(fen);
  // Intl accepts a decimal string (exact) since ES2023; the cast keeps older lib typings quiet.
  const amount = yuanFromFen(fen) as unknown as number;
  return formatterFor(locale, currency).format(amount);
}

/** Yuan (any decimal value) to fen, rounded half-up once: 0.005 yuan → 1 fen, −0.005 → −1. */
export function fenFromYuan(yuan: TDecimalValue): number {
  const fen = new Decimal(yuan).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (!fen.abs().lte(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount out of range');
  return fen.toNumber();
}

/** "80.70" from 8070; "-0.05" from -5. Exact (no float division). */
export function yuanFromFen(fen: number): string {
  assertFen(fen);
  return new Decimal(fen).dividedBy(100).toFixed(2);
}

/**
 * A unit price as it should be read: trailing zeros dropped but at least two decimals, so the
 * database's "0.5380" reads "0.538" and "5.0000" reads "5.00".
 */
export function trimUnitPrice(price: TDecimalValue): string {
  const value = new Decimal(price);
  return value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toFixed();
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
}
