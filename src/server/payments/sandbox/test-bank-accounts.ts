import 'server-only';

/**
 * What a sandbox payment method does when money is taken from it, keyed by Stripe's documented
 * test numbers. Anything else is refused on the hosted page ("use a test number"), as Stripe's
 * test mode refuses real numbers.
 */
export type TChargeBehaviour =
  | { charge: 'succeed' }
  | { charge: 'decline'; code: string; message: string }
  /** The charge succeeds and the payer's bank later disputes it (chargeback). */
  | { charge: 'dispute' };

export type TTestMethod = {
  /** Saving the method itself fails (the hosted page shows the decline). */
  setupDecline?: { code: string; message: string };
  behaviour: TChargeBehaviour;
};

const DECLINED = { code: 'card_declined', message: 'Your card was declined.' };
const INSUFFICIENT = { code: 'insufficient_funds', message: 'Your card has insufficient funds.' };

/** Stripe's test cards, digits only. */
export const TEST_CARDS: Readonly<Record<string, TTestMethod>> = {
  '4242424242424242': { behaviour: { charge: 'succeed' } },
  '5555555555554444': { behaviour: { charge: 'succeed' } },
  // "Attaching this card to a Customer object succeeds, but attempts to charge it fail."
  '4000000000000341': { behaviour: { charge: 'decline', ...DECLINED } },
  '4000000000009995': { behaviour: { charge: 'decline', ...INSUFFICIENT } },
  '4000000000000259': { behaviour: { charge: 'dispute' } },
  '4000000000000002': { setupDecline: DECLINED, behaviour: { charge: 'decline', ...DECLINED } },
};

/** Stripe's SEPA Direct Debit test IBANs (no spaces, upper case). */
export const TEST_IBANS: Readonly<Record<string, TTestMethod>> = {
  DE89370400440532013000: { behaviour: { charge: 'succeed' } },
  AT611904300234573201: { behaviour: { charge: 'succeed' } },
  DE62370400440532013001: {
    behaviour: {
      charge: 'decline',
      code: 'insufficient_funds',
      message: 'The account has insufficient funds.',
    },
  },
  DE35370400440532013002: { behaviour: { charge: 'dispute' } },
};

/** Stripe's Bacs test account numbers (sort code 10-88-00). */
export const TEST_BACS: Readonly<Record<string, TTestMethod>> = {
  '00012345': { behaviour: { charge: 'succeed' } },
  '90012345': {
    behaviour: {
      charge: 'decline',
      code: 'insufficient_funds',
      message: 'The account has insufficient funds.',
    },
  },
  '55555559': { behaviour: { charge: 'dispute' } },
};

/** Stripe's ACH test account numbers (routing 110000000). */
export const TEST_US_ACCOUNTS: Readonly<Record<string, TTestMethod>> = {
  '000123456789': { behaviour: { charge: 'succeed' } },
  '000111111116': {
    behaviour: {
      charge: 'decline',
      code: 'no_account',
      message: 'The bank account could not be located.',
    },
  },
};

/** ISO 13616 check: the IBAN's mod-97 remainder must be 1. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of moved) {
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}
