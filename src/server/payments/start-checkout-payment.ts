import 'server-only';
import { and, eq, exists, inArray } from 'drizzle-orm';
import { env } from '@/env';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions';
import { linkOf } from '../accounts/link-of';
import { writeAudit } from '../audit';
import { getDb } from '../db';
import { payments, serviceAccounts } from '../db/schema';
import { amountToSettleBalance, amountToSettleBill } from './allocation';
import { getPaymentProvider } from './get-payment-provider';
import { listOpenBills } from './ledger';
import { appUrl, paymentMode } from './payment-settings';
import { newPaymentId, newReceiptToken } from './payment-ids';
import type { TCheckoutMethod } from './types';

export type TPayer = { kind: 'resident'; actor: TActor } | { kind: 'guest'; ip: string | null };

export type TStartCheckoutResult =
  | { ok: true; redirectTo: string; paymentId: string }
  | {
      ok: false;
      error: 'not_found' | 'nothing_to_pay' | 'unavailable' | 'provider_error';
    }
  | { ok: false; error: 'in_progress'; paymentId: string };

/** Card, Alipay and WeChat Pay: all three accept CNY. */
export const CHECKOUT_METHODS: readonly TCheckoutMethod[] = ['card', 'alipay', 'wechat_pay'];

type TOpenPayment = typeof payments.$inferSelect;

/**
 * Starts (or resumes) paying one bill — with any older open bills, since money settles the
 * oldest bill first — or the whole balance. The amount comes from the ledger here, never from
 * the form. One checkout per account is open at a time (a unique index): a second click, a
 * second tab or a relative paying at once lands on the same Checkout when nothing changed, or
 * replaces the open one (expired at the provider first) when the amount or payer changed; a
 * payment already processing is never doubled. The provider is called outside any transaction
 * with our payment id as the idempotency key, so a timeout can simply be retried.
 */
export async function startCheckoutPayment(input: {
  payer: TPayer;
  accountId: number;
  scope: 'bill' | 'balance';
  billId?: number;
  locale: 'zh-CN' | 'en';
}): Promise<TStartCheckoutResult> {
  if (paymentMode() === 'off') return { ok: false, error: 'unavailable' };
  const { payer } = input;
  if (payer.kind === 'resident') assertCan(payer.actor, 'view:account:own');
  const db = await getDb();
  const [account] = await db
    .select({
      id: serviceAccounts.id,
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      status: serviceAccounts.status,
    })
    .from(serviceAccounts)
    .where(
      and(
        eq(serviceAccounts.id, input.accountId),
        payer.kind === 'resident'
          ? exists(linkOf(payer.actor.userId, serviceAccounts.id))
          : undefined,
      ),
    )
    .limit(1);
  if (!account) return { ok: false, error: 'not_found' };

  const { balanceFen, openBills } = await listOpenBills(db, account.id);
  let amountFen: number;
  if (input.scope === 'bill') {
    if (input.billId === undefined) return { ok: false, error: 'not_found' };
    amountFen = amountToSettleBill(openBills, input.billId);
  } else {
    amountFen = amountToSettleBalance(balanceFen);
  }
  if (amountFen <= 0) return { ok: false, error: 'nothing_to_pay' };

  const payerUserId = payer.kind === 'resident' ? payer.actor.userId : null;
  const wanted = {
    scope: input.scope,
    billId: input.scope === 'bill' ? (input.billId ?? null) : null,
    amountFen,
    payerUserId,
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    const open = await findOpenCheckout(account.id);
    if (open?.status === 'processing')
      return { ok: false, error: 'in_progress', paymentId: open.id };
    if (open && sameRequest(open, wanted)) {
      return openCheckout(open, account, input.locale);
    }
    if (open) {
      const closed = await closeOpenCheckout(open);
      if (closed === 'in_progress') return { ok: false, error: 'in_progress', paymentId: open.id };
      if (closed === 'provider_error') return { ok: false, error: 'provider_error' };
      continue;
    }
    const created = await insertPayment(account.id, wanted, payer);
    if (!created) continue; // someone else opened one a moment ago: look again
    return openCheckout(created, account, input.locale);
  }
  return { ok: false, error: 'provider_error' };
}

function sameRequest(
  open: TOpenPayment,
  wanted: { scope: string; billId: number | null; amountFen: number; payerUserId: string | null },
): boolean {
  return (
    open.scope === wanted.scope &&
    open.billId === wanted.billId &&
    open.amountFen === wanted.amountFen &&
    open.payerUserId === wanted.payerUserId
  );
}

async function findOpenCheckout(accountId: number): Promise<TOpenPayment | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.accountId, accountId),
        eq(payments.channel, 'checkout'),
        inArray(payments.status, ['pending', 'processing']),
      ),
    )
    .limit(1);
  return row ?? null;
}

async function insertPayment(
  accountId: number,
  wanted: {
    scope: 'bill' | 'balance';
    billId: number | null;
    amountFen: number;
    payerUserId: string | null;
  },
  payer: TPayer,
): Promise<TOpenPayment | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(payments)
      .values({
        id: newPaymentId(),
        accountId,
        channel: 'checkout',
        scope: wanted.scope,
        billId: wanted.billId,
        amountFen: wanted.amountFen,
        currency: 'CNY',
        status: 'pending',
        payerUserId: wanted.payerUserId,
        receiptToken: newReceiptToken(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    await writeAudit(tx, payer.kind === 'resident' ? payer.actor : null, {
      action: 'payment.started',
      subjectType: 'payment',
      subjectId: row.id,
      detail: {
        accountId,
        amountFen: row.amountFen,
        scope: row.scope,
        billId: row.billId,
        payer: payer.kind,
        ...(payer.kind === 'guest' ? { ip: payer.ip } : {}),
      },
    });
    return row;
  });
}

/**
 * Closes a checkout that no longer fits (other amount or payer): expire it at the provider, then
 * mark it canceled. A session already completed means money may be moving: leave it alone.
 */
async function closeOpenCheckout(
  open: TOpenPayment,
): Promise<'closed' | 'in_progress' | 'provider_error'> {
  if (open.providerSessionId) {
    try {
      const expired = await getPaymentProvider().expireCheckoutSession(open.providerSessionId);
      if (!expired) return 'in_progress';
    } catch (error) {
      console.error(`[payments] expiring ${open.providerSessionId} failed:`, error);
      return 'provider_error';
    }
  }
  const db = await getDb();
  await db
    .update(payments)
    .set({ status: 'canceled' })
    .where(and(eq(payments.id, open.id), eq(payments.status, 'pending')));
  return 'closed';
}

function returnUrls(payment: TOpenPayment): { successUrl: string; cancelUrl: string } {
  const base = payment.payerUserId
    ? `/payments/${payment.id}`
    : `/pay/receipt/${payment.receiptToken}`;
  return { successUrl: appUrl(base), cancelUrl: appUrl(`${base}?canceled=1`) };
}

async function openCheckout(
  payment: TOpenPayment,
  account: { accountNumber: string; utility: 'water' | 'electricity' },
  locale: 'zh-CN' | 'en',
): Promise<TStartCheckoutResult> {
  const provider = getPaymentProvider();
  try {
    if (payment.providerSessionId) {
      const session = await provider.retrieveCheckoutSession(payment.providerSessionId);
      if (session.status === 'open' && session.url) {
        return { ok: true, redirectTo: session.url, paymentId: payment.id };
      }
      // Completed or expired: its webhook will settle the payment; show its page meanwhile.
      return { ok: false, error: 'in_progress', paymentId: payment.id };
    }
    const description =
      locale === 'en'
        ? `${env.UTILITY_NAME_EN} · ${account.utility === 'water' ? 'water' : 'electricity'} account ${account.accountNumber}`
        : `${env.UTILITY_NAME_ZH} · ${account.utility === 'water' ? '水费' : '电费'} 户号 ${account.accountNumber}`;
    const session = await whileKeyInUse(() =>
      provider.createCheckoutSession({
        paymentId: payment.id,
        amountFen: payment.amountFen,
        currency: payment.currency,
        description,
        methods: CHECKOUT_METHODS,
        ...returnUrls(payment),
        locale: locale === 'en' ? 'en' : 'zh',
      }),
    );
    const db = await getDb();
    await db
      .update(payments)
      .set({ providerSessionId: session.id, providerPaymentIntentId: session.paymentIntentId })
      .where(eq(payments.id, payment.id));
    if (!session.url) return { ok: false, error: 'provider_error' };
    return { ok: true, redirectTo: session.url, paymentId: payment.id };
  } catch (error) {
    // Timeout or outage: the payment stays pending (no money can have moved without a session
    // the payer completed); the next click retries with the same idempotency key.
    console.error(`[payments] checkout for ${payment.id} failed:`, error);
    return { ok: false, error: 'provider_error' };
  }
}

/**
 * Two requests for one payment send the same idempotency key; while the first is being answered
 * Stripe answers the second 409 (key in use). Wait for the first and take its answer.
 */
async function whileKeyInUse<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== 409 || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
}
