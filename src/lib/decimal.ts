import DecimalJs from 'decimal.js';

/**
 * The one decimal type for prices and quantities (ADR 007). A private clone so nothing else in
 * the process can change its precision or rounding: 40 significant digits and half-up rounding
 * (四舍五入), which is what Chinese utility bills print.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;
/** Anything a Decimal can be made from: a decimal string, a Decimal, or an (integer) number. */
export type TDecimalValue = DecimalJs.Value;
