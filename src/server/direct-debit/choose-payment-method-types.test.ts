import { describe, expect, it } from 'vitest';
import { choosePaymentMethodTypes } from './choose-payment-method-types';

describe('choosePaymentMethodTypes', () => {
  it.each([
    ['EUR', 'sepa_debit'],
    ['eur', 'sepa_debit'],
    ['GBP', 'bacs_debit'],
    ['USD', 'us_bank_account'],
    ['CNY', 'card'],
    ['HKD', 'card'],
    ['JPY', 'card'],
  ])('a mandate in %s is set up with %s', (currency, method) => {
    expect(choosePaymentMethodTypes(currency)).toEqual([method]);
  });
});
