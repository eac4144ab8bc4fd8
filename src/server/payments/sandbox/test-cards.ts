import 'server-only';

/**
 * Stripe's test card numbers the sandbox understands, and what each does. Any other number
 * is declined as Stripe's test mode declines a real card.
 */
export type TTestCardBehaviour =
  | { kind: 'success'; brand: string }
  | { kind: 'decline'; brand: string; code: string; declineCode: string; message: string }
  | { kind: 'authenticate'; brand: string };

export const TEST_CARDS: Readonly<Record<string, TTestCardBehaviour>> = {
  '4242424242424242': { kind: 'success', brand: 'visa' },
  '4000056655665556': { kind: 'success', brand: 'visa' },
  '5555555555554444': { kind: 'success', brand: 'mastercard' },
  '6200000000000005': { kind: 'success', brand: 'unionpay' },
  '4000000000000002': {
    kind: 'decline',
    brand: 'visa',
    code: 'card_declined',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  '4000000000009995': {
    kind: 'decline',
    brand: 'visa',
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  '4000000000009987': {
    kind: 'decline',
    brand: 'visa',
    code: 'card_declined',
    declineCode: 'lost_card',
    message: 'Your card was declined.',
  },
  '4000000000000069': {
    kind: 'decline',
    brand: 'visa',
    code: 'expired_card',
    declineCode: 'expired_card',
    message: 'Your card has expired.',
  },
  '4000002500003155': { kind: 'authenticate', brand: 'visa' },
  '4000002760003184': { kind: 'authenticate', brand: 'visa' },
};

/** Digits only: "4242 4242 4242 4242" and "4242-4242-…" read the same. */
export function normaliseCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The Luhn check every card number passes. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBehaviour(digits: string): TTestCardBehaviour {
  return (
    TEST_CARDS[digits] ?? {
      kind: 'decline',
      brand: 'unknown',
      code: 'card_declined',
      declineCode: 'test_mode_live_card',
      message:
        'Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
    }
  );
}

/** "12/30" or "12 / 2030" → whether it is this month or later (cards expire after their month). */
export function expiryIsValid(input: string, now = new Date()): boolean {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(input);
  if (!match) return false;
  const month = Number(match[1]);
  let year = Number(match[2]);
  if (year < 100) year += 2000;
  if (month < 1 || month > 12) return false;
  return year * 12 + month >= now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
}
