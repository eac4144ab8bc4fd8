import 'server-only';
import { sql } from 'drizzle-orm';
import { env } from '@/env';
import { getDb, type TDb } from '../db';
import { rowsOf } from '../db/rows-of';
import { applyPaymentOutcome, lockPaymentByRefs } from '../payments/apply-payment-outcome';
import { getDirectDebitProvider } from './get-direct-debit-provider';
import type { TCollectInput, TCollectResult } from './direct-debit-provider';
import { newPaymentIds } from './new-payment-ids';
import { openBillAmountsSql } from '../payments/open-bill-amounts';

export type TCollectionDayResult = {
  /** Collections claimed for an attempt today. */
  attempted: number;
  /** Skipped because the bill was already paid (nothing taken). */
  skipped: number;
  /** Closed because their mandate is no longer active. */
  canceled: number;
  /** The provider took the money at once (settled by its webhook). */
  succeeded: number;
  /** A bank debit accepted and in progress (its webhook will say how it ended). */
  processing: number;
  /** Refused by the bank or card issuer: retried later or stopped. */
  declined: number;
  /** No answer from the provider: sent again with the same key on the next run. */
  unanswered: number;
};

type TDueRow = {
  id: number;
  account_id: number;
  bill_id: number;
  amount_fen: number;
  currency: string;
  attempt_count: number;
  mandate_status: string;
  method_type: string;
  customer_id: string | null;
  payment_method_id: string | null;
  account_number: string;
};

type TClaimed = TCollectInput & { methodType: string };

const p = (value: unknown) => sql.param(value);

/**
 * Works one collection day: every collection whose attempt is due on or before `today`, in
 * batches. Per batch, one transaction claims the collections (row locks, SKIP LOCKED so any
 * number of workers share the day), locks their accounts and reads what each bill still owes —
 * a bill already paid is skipped, a bill partly paid is collected for what is left, never more
 * than the notice announced — and writes the payments and attempts it is about to make. Then
 * the provider is called outside any transaction, with bounded concurrency and the attempt id as
 * the idempotency key; the answers are written back in one statement per batch. Success is
 * settled by the provider's `payment_intent.succeeded` webhook through the payments domain,
 * like any payment; a decline goes through the same domain function at once.
 */
export async function collectDueCollections(input: {
  today: string;
  batchSize?: number;
  concurrency?: number;
}): Promise<TCollectionDayResult> {
  const batchSize = input.batchSize ?? 500;
  const concurrency = input.concurrency ?? env.DIRECT_DEBIT_CONCURRENCY;
  const total: TCollectionDayResult = {
    attempted: 0,
    skipped: 0,
    canceled: 0,
    succeeded: 0,
    processing: 0,
    declined: 0,
    unanswered: 0,
  };
  // Calls a crash or a timeout left without an answer go first, with their original keys.
  const resumed = await loadUnansweredAttempts(batchSize * 10);
  if (resumed.length > 0) add(total, await callAndRecord(resumed, concurrency));

  for (;;) {
    const claim = await claimBatch(input.today, batchSize);
    total.skipped += claim.skipped;
    total.canceled += claim.canceled;
    if (claim.claimed.length === 0 && claim.skipped === 0 && claim.canceled === 0) break;
    total.attempted += claim.claimed.length;
    add(total, await callAndRecord(claim.claimed, concurrency));
  }
  return total;
}

function add(total: TCollectionDayResult, part: Partial<TCollectionDayResult>) {
  for (const [key, value] of Object.entries(part) as [keyof TCollectionDayResult, number][]) {
    total[key] += value;
  }
}

async function claimBatch(
  today: string,
  batchSize: number,
): Promise<{ claimed: TClaimed[]; skipped: number; canceled: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = rowsOf<TDueRow>(
      await tx.execute(sql`
        WITH due AS (
          SELECT id FROM collections
           WHERE status = 'notified' AND next_attempt_on <= ${today}::date
           ORDER BY next_attempt_on, id
           LIMIT ${batchSize}
             FOR UPDATE SKIP LOCKED
        )
        SELECT c.id, c.account_id, c.bill_id, c.amount_fen, c.currency, c.attempt_count,
               m.status AS mandate_status, m.method_type, m.provider_customer_id AS customer_id,
               m.provider_payment_method_id AS payment_method_id, s.account_number
          FROM due
          JOIN collections c ON c.id = due.id
          JOIN mandates m ON m.id = c.mandate_id
          JOIN service_accounts s ON s.id = c.account_id
         ORDER BY c.id
      `),
    );
    if (due.length === 0) return { claimed: [], skipped: 0, canceled: 0 };
    const accountIds = [...new Set(due.map((d) => d.account_id))].sort((a, b) => a - b);
    // The payments domain settles a payment under this same lock: no payment can land on these
    // accounts between reading what the bills owe and recording what we are about to take.
    await tx.execute(sql`
      SELECT id FROM service_accounts WHERE id = ANY(${p(accountIds)}::int[]) ORDER BY id FOR UPDATE
    `);
    const open = rowsOf<{ bill_id: number; open_fen: number }>(
      await tx.execute(sql`
        SELECT o.bill_id, o.open_fen FROM (${openBillAmountsSql(accountIds)}) o
         WHERE o.bill_id = ANY(${p(due.map((d) => d.bill_id))}::bigint[])
      `),
    );
    const openOf = new Map(open.map((o) => [Number(o.bill_id), Number(o.open_fen)]));

    const closed: { id: number; status: 'skipped' | 'canceled'; reason: string }[] = [];
    const toCollect: (TDueRow & { amount: number })[] = [];
    for (const row of due) {
      if (row.mandate_status !== 'active' || !row.customer_id || !row.payment_method_id) {
        closed.push({ id: row.id, status: 'canceled', reason: 'mandate_inactive' });
        continue;
      }
      const owed = openOf.get(Number(row.bill_id)) ?? 0;
      if (owed <= 0) {
        closed.push({ id: row.id, status: 'skipped', reason: 'bill_paid' });
        continue;
      }
      toCollect.push({ ...row, amount: Math.min(owed, row.amount_fen) });
    }
    if (closed.length > 0) {
      await tx.execute(sql`
        UPDATE collections c
           SET status = t.status, closed_reason = t.reason, next_attempt_on = NULL, updated_at = now()
          FROM unnest(${p(closed.map((c) => c.id))}::bigint[], ${p(closed.map((c) => c.status))}::text[],
                      ${p(closed.map((c) => c.reason))}::text[]) AS t(id, status, reason)
         WHERE c.id = t.id
      `);
    }
    if (toCollect.length === 0) {
      return {
        claimed: [],
        skipped: closed.filter((c) => c.status === 'skipped').length,
        canceled: closed.filter((c) => c.status === 'canceled').length,
      };
    }
    const ids = newPaymentIds(toCollect.length);
    await tx.execute(sql`
      INSERT INTO payments (id, account_id, channel, scope, bill_id, amount_fen, currency, status,
                            receipt_token, method_type)
      SELECT t.id, t.account_id, 'direct_debit', 'collection', t.bill_id, t.amount_fen, t.currency,
             'processing', t.receipt_token, t.method_type
        FROM unnest(${p(ids.map((i) => i.id))}::text[], ${p(toCollect.map((c) => c.account_id))}::int[],
                    ${p(toCollect.map((c) => c.bill_id))}::bigint[], ${p(toCollect.map((c) => c.amount))}::int[],
                    ${p(toCollect.map((c) => c.currency))}::text[], ${p(ids.map((i) => i.receiptToken))}::text[],
                    ${p(toCollect.map((c) => c.method_type))}::text[])
          AS t(id, account_id, bill_id, amount_fen, currency, receipt_token, method_type)
    `);
    const attempts = rowsOf<{ id: number; collection_id: number }>(
      await tx.execute(sql`
        INSERT INTO collection_attempts (collection_id, attempt_no, payment_id, amount_fen, attempted_on)
        SELECT t.collection_id, t.attempt_no, t.payment_id, t.amount_fen, ${today}::date
          FROM unnest(${p(toCollect.map((c) => c.id))}::bigint[],
                      ${p(toCollect.map((c) => c.attempt_count + 1))}::int2[],
                      ${p(ids.map((i) => i.id))}::text[], ${p(toCollect.map((c) => c.amount))}::int[])
            AS t(collection_id, attempt_no, payment_id, amount_fen)
        RETURNING id, collection_id
      `),
    );
    await tx.execute(sql`
      UPDATE collections c
         SET status = 'processing', attempt_count = c.attempt_count + 1, payment_id = t.payment_id,
             updated_at = now()
        FROM unnest(${p(toCollect.map((c) => c.id))}::bigint[], ${p(ids.map((i) => i.id))}::text[])
          AS t(id, payment_id)
       WHERE c.id = t.id
    `);
    const attemptOf = new Map(attempts.map((a) => [Number(a.collection_id), Number(a.id)]));
    const claimed = toCollect.map((c, index) => ({
      attemptId: attemptOf.get(Number(c.id)) ?? 0,
      paymentId: ids[index]?.id ?? '',
      collectionId: Number(c.id),
      amountFen: c.amount,
      currency: c.currency,
      customerId: c.customer_id ?? '',
      paymentMethodId: c.payment_method_id ?? '',
      description: `Wanjia ${c.account_number}`,
      methodType: c.method_type,
    }));
    return {
      claimed,
      skipped: closed.filter((c) => c.status === 'skipped').length,
      canceled: closed.filter((c) => c.status === 'canceled').length,
    };
  });
}

/** Attempts left `processing` without a provider answer for over five minutes. */
async function loadUnansweredAttempts(limit: number): Promise<TClaimed[]> {
  const db = await getDb();
  const rows = rowsOf<{
    attempt_id: number;
    payment_id: string;
    collection_id: number;
    amount_fen: number;
    currency: string;
    customer_id: string | null;
    payment_method_id: string | null;
    method_type: string;
    account_number: string;
  }>(
    await db.execute(sql`
      SELECT a.id AS attempt_id, a.payment_id, a.collection_id, a.amount_fen, c.currency,
             m.provider_customer_id AS customer_id, m.provider_payment_method_id AS payment_method_id,
             m.method_type, s.account_number
        FROM collection_attempts a
        JOIN collections c ON c.id = a.collection_id
        JOIN mandates m ON m.id = c.mandate_id
        JOIN service_accounts s ON s.id = c.account_id
       WHERE a.status = 'processing' AND a.provider_payment_intent_id IS NULL
         AND a.created_at < now() - interval '5 minutes'
       ORDER BY a.id
       LIMIT ${limit}
    `),
  );
  return rows
    .filter((r) => r.customer_id && r.payment_method_id)
    .map((r) => ({
      attemptId: Number(r.attempt_id),
      paymentId: r.payment_id,
      collectionId: Number(r.collection_id),
      amountFen: r.amount_fen,
      currency: r.currency,
      customerId: r.customer_id ?? '',
      paymentMethodId: r.payment_method_id ?? '',
      description: `Wanjia ${r.account_number}`,
      methodType: r.method_type,
    }));
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of results. */
async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

async function callAndRecord(
  claimed: readonly TClaimed[],
  concurrency: number,
): Promise<Partial<TCollectionDayResult>> {
  const provider = getDirectDebitProvider();
  const results = await mapBounded(claimed, concurrency, (c) => provider.collect(c));
  const accepted: {
    claim: TClaimed;
    result: Extract<TCollectResult, { paymentIntentId: string }>;
  }[] = [];
  const declined: { claim: TClaimed; result: Extract<TCollectResult, { outcome: 'declined' }> }[] =
    [];
  let unanswered = 0;
  results.forEach((result, index) => {
    const claim = claimed[index];
    if (!claim) return;
    switch (result.outcome) {
      case 'succeeded':
      case 'processing':
        accepted.push({ claim, result });
        break;
      case 'declined':
        declined.push({ claim, result });
        break;
      case 'unknown':
        unanswered += 1;
        console.warn(
          `[direct-debit] attempt ${claim.attemptId}: no answer from the provider (${result.message})`,
        );
    }
  });

  const db = await getDb();
  if (accepted.length > 0) {
    const attemptIds = accepted.map((a) => a.claim.attemptId);
    const paymentIds = accepted.map((a) => a.claim.paymentId);
    const intentIds = accepted.map((a) => a.result.paymentIntentId);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        UPDATE collection_attempts a
           SET provider_payment_intent_id = coalesce(a.provider_payment_intent_id, t.intent_id)
          FROM unnest(${p(attemptIds)}::bigint[], ${p(intentIds)}::text[]) AS t(id, intent_id)
         WHERE a.id = t.id
      `);
      await tx.execute(sql`
        UPDATE payments py
           SET provider_payment_intent_id = coalesce(py.provider_payment_intent_id, t.intent_id),
               updated_at = now()
          FROM unnest(${p(paymentIds)}::text[], ${p(intentIds)}::text[]) AS t(id, intent_id)
         WHERE py.id = t.id
      `);
    });
  }
  for (const { claim, result } of declined) {
    await db.transaction(async (tx) => recordDecline(tx as TDb, claim, result));
  }
  return {
    succeeded: accepted.filter((a) => a.result.outcome === 'succeeded').length,
    processing: accepted.filter((a) => a.result.outcome === 'processing').length,
    declined: declined.length,
    unanswered,
  };
}

/**
 * A refused collection, through the payments domain like a `payment_intent.payment_failed`
 * event: the payment fails and the direct-debit listener plans the retry or stops and tells the
 * resident. If the event got there first, this changes nothing.
 */
async function recordDecline(
  tx: TDb,
  claim: TClaimed,
  result: Extract<TCollectResult, { outcome: 'declined' }>,
): Promise<void> {
  if (result.paymentIntentId) {
    await tx.execute(sql`
      UPDATE collection_attempts SET provider_payment_intent_id = ${result.paymentIntentId}
       WHERE id = ${claim.attemptId} AND provider_payment_intent_id IS NULL
    `);
  }
  const payment = await lockPaymentByRefs(tx, { paymentId: claim.paymentId });
  if (!payment) return;
  await applyPaymentOutcome(
    tx,
    payment,
    { kind: 'failed' },
    {
      paymentIntentId: result.paymentIntentId,
      methodType: claim.methodType,
      failure: { code: result.code, declineCode: result.code, message: result.message },
    },
  );
}
