import 'server-only';
import { and, desc, eq, exists, inArray, isNotNull } from 'drizzle-orm';
import { env } from '@/env';
import type { TLocale } from '@/lib/locale';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { verifyPassword } from '../auth/password';
import { linkOf } from '../accounts/link-of';
import { getDb } from '../db';
import { bills, mandates, serviceAccounts, users } from '../db/schema';
import { paymentMode } from '../payments/payment-settings';
import { checkThrottle, recordThrottleFailure, type TThrottleRule } from '../throttle';
import { choosePaymentMethodTypes } from './choose-payment-method-types';
import { getDirectDebitProvider } from './get-direct-debit-provider';

export type TStartMandateSetupResult =
  | { ok: true; url: string }
  | {
      ok: false;
      error:
        | 'not_found'
        | 'account_closed'
        | 'unavailable'
        | 'password_required'
        | 'wrong_password'
        | 'no_password'
        | 'provider';
    }
  | { ok: false; error: 'throttled'; retryAfterMinutes: number };

/** Wrong passwords allowed when confirming a change of bank account. */
function reauthRule(userId: string): TThrottleRule {
  return { bucket: 'reauth', key: `user:${userId}`, max: 5, windowMinutes: 15 };
}

/**
 * Starts setting up direct debit for one of the actor's accounts: a `pending` mandate and a
 * provider Checkout Session in setup mode (the hosted page takes the bank account or card and
 * saves it for off-session collection). The caller redirects to the returned URL. The mandate
 * becomes active only when the provider's `setup_intent.succeeded` webhook says so.
 *
 * Replacing an active mandate (a new bank account) asks for the password again: whoever holds
 * an unlocked phone must not redirect the household's bills to another account. The old
 * mandate keeps collecting until the new one is active.
 */
export async function startMandateSetup(input: {
  actor: TActor;
  accountId: number;
  password?: string;
  locale: TLocale;
}): Promise<TStartMandateSetupResult> {
  const { actor } = input;
  assertCan(actor, 'manage:mandate:own');
  if (paymentMode() === 'off') return { ok: false, error: 'unavailable' };
  const db = await getDb();
  const [account] = await db
    .select({
      id: serviceAccounts.id,
      accountNumber: serviceAccounts.accountNumber,
      status: serviceAccounts.status,
    })
    .from(serviceAccounts)
    .where(
      and(
        eq(serviceAccounts.id, input.accountId),
        exists(linkOf(actor.userId, serviceAccounts.id)),
      ),
    )
    .limit(1);
  if (!account) return { ok: false, error: 'not_found' };
  if (account.status === 'closed') return { ok: false, error: 'account_closed' };

  const existing = await db
    .select({
      id: mandates.id,
      status: mandates.status,
      customerId: mandates.providerCustomerId,
    })
    .from(mandates)
    .where(eq(mandates.accountId, account.id))
    .orderBy(desc(mandates.id));
  const active = existing.find((m) => m.status === 'active');

  if (active) {
    const rule = reauthRule(actor.userId);
    const decision = await checkThrottle(rule);
    if (!decision.allowed)
      return { ok: false, error: 'throttled', retryAfterMinutes: decision.retryAfterMinutes };
    if (!input.password) return { ok: false, error: 'password_required' };
    const [user] = await db
      .select({ passwordHash: users.passwordHash, email: users.email })
      .from(users)
      .where(eq(users.id, actor.userId))
      .limit(1);
    if (!user?.passwordHash) return { ok: false, error: 'no_password' };
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      await recordThrottleFailure([rule]);
      return { ok: false, error: 'wrong_password' };
    }
  }

  const [latestBill] = await db
    .select({ currency: bills.currency })
    .from(bills)
    .where(eq(bills.accountId, account.id))
    .orderBy(desc(bills.period))
    .limit(1);
  const currency = latestBill?.currency ?? 'CNY';
  const [methodType] = choosePaymentMethodTypes(currency);

  const mandate = await db.transaction(async (tx) => {
    // A set-up abandoned half-way (the resident closed the bank page) is superseded.
    await tx
      .update(mandates)
      .set({ status: 'canceled', canceledAt: new Date(), cancelReason: 'abandoned' })
      .where(and(eq(mandates.accountId, account.id), inArray(mandates.status, ['pending'])));
    const [row] = await tx
      .insert(mandates)
      .values({
        accountId: account.id,
        status: 'pending',
        currency,
        methodType,
        createdByUserId: actor.userId,
        replacesMandateId: active?.id ?? null,
      })
      .returning({ id: mandates.id });
    if (!row) throw new Error('mandate not created');
    await writeAudit(tx, actor, {
      action: active ? 'mandate.change_started' : 'mandate.setup_started',
      subjectType: 'service_account',
      subjectId: account.id,
      detail: { mandateId: row.id, methodType, ...(active ? { replaces: active.id } : {}) },
    });
    return row;
  });

  const provider = getDirectDebitProvider();
  try {
    // One provider customer per account: a replacement saves its new method beside the old.
    const [known] = await db
      .select({ customerId: mandates.providerCustomerId })
      .from(mandates)
      .where(and(eq(mandates.accountId, account.id), isNotNull(mandates.providerCustomerId)))
      .orderBy(desc(mandates.id))
      .limit(1);
    const [owner] = await db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, actor.userId))
      .limit(1);
    const customerId =
      known?.customerId ??
      (await provider.createCustomer({
        mandateId: mandate.id,
        accountNumber: account.accountNumber,
        email: owner?.email ?? null,
      }));
    const page = new URL(`/accounts/${account.id}/direct-debit`, env.APP_URL);
    const session = await provider.createSetupSession({
      mandateId: mandate.id,
      accountId: account.id,
      customerId,
      currency,
      methodTypes: [methodType],
      successUrl: `${page.toString()}?setup=returned`,
      cancelUrl: `${page.toString()}?setup=canceled`,
      locale: input.locale === 'zh-CN' ? 'zh' : 'en',
    });
    await db
      .update(mandates)
      .set({ providerCustomerId: customerId, providerSessionId: session.id })
      .where(eq(mandates.id, mandate.id));
    if (!session.url) throw new Error('setup session without a URL');
    return { ok: true, url: session.url };
  } catch (error) {
    console.error(`[direct-debit] setting up mandate ${mandate.id} failed:`, error);
    await db
      .update(mandates)
      .set({ status: 'failed', failureCode: 'provider_unavailable' })
      .where(and(eq(mandates.id, mandate.id), eq(mandates.status, 'pending')));
    return { ok: false, error: 'provider' };
  }
}
