import 'server-only';

/** The Stripe payment method types a direct-debit mandate may use. */
export type TMandateMethodType = 'sepa_debit' | 'bacs_debit' | 'us_bank_account' | 'card';

const BANK_DEBIT_BY_CURRENCY: Readonly<Record<string, TMandateMethodType>> = {
  eur: 'sepa_debit',
  gbp: 'bacs_debit',
  usd: 'us_bank_account',
};

/**
 * What a mandate in this currency is set up with: the currency's bank debit scheme where
 * Stripe has one (SEPA for euros, Bacs for pounds, ACH for dollars), otherwise a card saved for
 * off-session collection. Stripe offers no bank debit in yuan, so CNY accounts save a card.
 */
export function choosePaymentMethodTypes(currency: string): [TMandateMethodType] {
  return [BANK_DEBIT_BY_CURRENCY[currency.toLowerCase()] ?? 'card'];
}
