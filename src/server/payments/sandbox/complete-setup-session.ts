import 'server-only';
import { emitSandboxEvents } from './events';
import { sandboxId, unixNow } from './ids';
import type { TSandboxPaymentMethod } from './payment-methods';
import type { TSandboxSetupIntent, TSandboxSetupSession, TSetupMethod } from './setup-sessions';
import { loadSandboxObject, saveSandboxObjects } from './store';
import {
  isValidIban,
  TEST_BACS,
  TEST_CARDS,
  TEST_IBANS,
  TEST_US_ACCOUNTS,
  type TTestMethod,
} from './test-bank-accounts';

export type TSetupDetails = {
  /** card: number (digits), expiry month/year, cvc. */
  cardNumber?: string;
  expMonth?: number;
  expYear?: number;
  /** sepa_debit */
  iban?: string;
  /** bacs_debit */
  sortCode?: string;
  /** bacs_debit and us_bank_account */
  accountNumber?: string;
  /** us_bank_account */
  routingNumber?: string;
  accountHolder?: string;
};

export type TCompleteSetupResult =
  | { ok: true; redirectTo: string }
  | {
      ok: false;
      error: 'not_found' | 'closed' | 'invalid' | 'not_test_number' | 'declined';
      field?: string;
      message?: string;
    };

/**
 * The hosted set-up page's "save" (what Stripe's page does): checks the test number, saves a
 * PaymentMethod on the session's customer, completes the SetupIntent and the session, and emits
 * `setup_intent.succeeded` + `checkout.session.completed` (or `setup_intent.setup_failed` for a
 * card that declines, leaving the page open to try another, as Stripe's does).
 */
export async function completeSetupSession(
  sessionId: string,
  details: TSetupDetails,
): Promise<TCompleteSetupResult> {
  const session = await loadSandboxObject<TSandboxSetupSession>(sessionId, 'checkout.session');
  if (!session || session.mode !== 'setup') return { ok: false, error: 'not_found' };
  if (session.status !== 'open') return { ok: false, error: 'closed' };
  const intent = await loadSandboxObject<TSandboxSetupIntent>(session.setup_intent, 'setup_intent');
  if (!intent) return { ok: false, error: 'not_found' };
  const method = session.payment_method_types[0] ?? 'card';
  const made = makePaymentMethod(method, details, session.customer);
  if (!made.ok) return made;
  const { paymentMethod, test } = made;

  if (test.setupDecline) {
    const failed: TSandboxSetupIntent = {
      ...intent,
      last_setup_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code:
          test.setupDecline.code === 'card_declined' ? 'generic_decline' : test.setupDecline.code,
        message: test.setupDecline.message,
        payment_method: { id: paymentMethod.id, type: paymentMethod.type },
      },
    };
    await saveSandboxObjects([{ ...paymentMethod, customer: null }, failed]);
    await emitSandboxEvents([{ type: 'setup_intent.setup_failed', object: failed }]);
    return { ok: false, error: 'declined', message: test.setupDecline.message };
  }

  const succeeded: TSandboxSetupIntent = {
    ...intent,
    status: 'succeeded',
    payment_method: paymentMethod.id,
    last_setup_error: null,
  };
  const completed: TSandboxSetupSession = { ...session, status: 'complete' };
  await saveSandboxObjects([paymentMethod, succeeded, completed]);
  await emitSandboxEvents([
    { type: 'setup_intent.succeeded', object: succeeded },
    { type: 'checkout.session.completed', object: completed },
  ]);
  return { ok: true, redirectTo: session.success_url };
}

function makePaymentMethod(
  method: TSetupMethod,
  d: TSetupDetails,
  customer: string,
):
  | { ok: true; paymentMethod: TSandboxPaymentMethod; test: TTestMethod }
  | { ok: false; error: 'invalid' | 'not_test_number'; field: string } {
  const base = {
    id: sandboxId('pm'),
    object: 'payment_method' as const,
    customer,
    created: unixNow(),
    livemode: false,
  };
  switch (method) {
    case 'card': {
      const number = (d.cardNumber ?? '').replace(/\D/g, '');
      if (!/^\d{13,19}$/.test(number) || !luhn(number))
        return { ok: false, error: 'invalid', field: 'cardNumber' };
      const now = new Date();
      const year = d.expYear !== undefined && d.expYear < 100 ? 2000 + d.expYear : d.expYear;
      if (
        !d.expMonth ||
        !year ||
        d.expMonth < 1 ||
        d.expMonth > 12 ||
        year * 12 + d.expMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1
      )
        return { ok: false, error: 'invalid', field: 'expiry' };
      const test = TEST_CARDS[number];
      if (!test) return { ok: false, error: 'not_test_number', field: 'cardNumber' };
      return {
        ok: true,
        test,
        paymentMethod: {
          ...base,
          type: 'card',
          card: {
            brand: number.startsWith('5') ? 'mastercard' : 'visa',
            last4: number.slice(-4),
            exp_month: d.expMonth,
            exp_year: year,
            country: 'US',
          },
          sandbox: { behaviour: test.behaviour },
        },
      };
    }
    case 'sepa_debit': {
      const iban = (d.iban ?? '').replace(/\s+/g, '').toUpperCase();
      if (!isValidIban(iban)) return { ok: false, error: 'invalid', field: 'iban' };
      const test = TEST_IBANS[iban];
      if (!test) return { ok: false, error: 'not_test_number', field: 'iban' };
      return {
        ok: true,
        test,
        paymentMethod: {
          ...base,
          type: 'sepa_debit',
          sepa_debit: {
            bank_code: iban.slice(4, 12),
            country: iban.slice(0, 2),
            last4: iban.slice(-4),
          },
          sandbox: { behaviour: test.behaviour },
        },
      };
    }
    case 'bacs_debit': {
      const sortCode = (d.sortCode ?? '').replace(/\D/g, '');
      const account = (d.accountNumber ?? '').replace(/\D/g, '');
      if (!/^\d{6}$/.test(sortCode)) return { ok: false, error: 'invalid', field: 'sortCode' };
      if (!/^\d{8}$/.test(account)) return { ok: false, error: 'invalid', field: 'accountNumber' };
      const test = sortCode === '108800' ? TEST_BACS[account] : undefined;
      if (!test) return { ok: false, error: 'not_test_number', field: 'accountNumber' };
      return {
        ok: true,
        test,
        paymentMethod: {
          ...base,
          type: 'bacs_debit',
          bacs_debit: { sort_code: sortCode, last4: account.slice(-4) },
          sandbox: { behaviour: test.behaviour },
        },
      };
    }
    case 'us_bank_account': {
      const routing = (d.routingNumber ?? '').replace(/\D/g, '');
      const account = (d.accountNumber ?? '').replace(/\D/g, '');
      if (!/^\d{9}$/.test(routing)) return { ok: false, error: 'invalid', field: 'routingNumber' };
      if (!/^\d{4,17}$/.test(account))
        return { ok: false, error: 'invalid', field: 'accountNumber' };
      const test = routing === '110000000' ? TEST_US_ACCOUNTS[account] : undefined;
      if (!test) return { ok: false, error: 'not_test_number', field: 'accountNumber' };
      return {
        ok: true,
        test,
        paymentMethod: {
          ...base,
          type: 'us_bank_account',
          us_bank_account: {
            bank_name: 'STRIPE TEST BANK',
            routing_number: routing,
            last4: account.slice(-4),
          },
          sandbox: { behaviour: test.behaviour },
        },
      };
    }
  }
}

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
