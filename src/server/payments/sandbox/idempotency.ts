import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db';
import { sandboxIdempotency } from '../../db/schema';
import { stripeError } from './errors';
import { claimIdempotencyKeyBatched, rememberIdempotentResponseBatched } from './batched-store';
import type { TSandboxResponse } from './types';

/** Marks a key whose first request is still being answered (Stripe answers 409 meanwhile). */
const IN_PROGRESS = 0;

/**
 * Stripe's Idempotency-Key rule: the first request with a key is answered and remembered; the
 * same key with the same method, path and parameters gets the remembered answer; the same key
 * with different parameters is refused (400 idempotency_error). 5xx answers are not kept, so
 * the caller may retry with the key.
 */
export async function withIdempotency(
  key: string,
  request: { method: string; path: string; rawBody: string },
  answer: () => Promise<TSandboxResponse>,
): Promise<TSandboxResponse> {
  const db = await getDb();
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.path}\n${request.rawBody}`)
    .digest('hex');
  // Off-session PaymentIntents (a direct-debit collection day: thousands at once) share one
  // statement per step with the calls in flight beside them; everything else is one by one.
  const grouped = request.method === 'POST' && request.path === '/v1/payment_intents';
  const claimed = grouped
    ? await claimIdempotencyKeyBatched({ key, requestHash })
    : (
        await db
          .insert(sandboxIdempotency)
          .values({ key, requestHash, status: IN_PROGRESS, body: {} })
          .onConflictDoNothing()
          .returning({ key: sandboxIdempotency.key })
      ).length > 0;
  if (!claimed) {
    const [previous] = await db
      .select()
      .from(sandboxIdempotency)
      .where(eq(sandboxIdempotency.key, key))
      .limit(1);
    if (previous && previous.requestHash !== requestHash) {
      return stripeError(400, {
        type: 'idempotency_error',
        message:
          'Keys for idempotent requests can only be used with the same parameters they were first used with.',
      });
    }
    if (!previous || previous.status === IN_PROGRESS) {
      return stripeError(409, {
        type: 'invalid_request_error',
        code: 'idempotency_key_in_use',
        message: 'There is currently another in-progress request using this Idempotent Key.',
      });
    }
    return { status: previous.status, body: previous.body };
  }
  let response: TSandboxResponse;
  try {
    response = await answer();
  } catch (error) {
    await db.delete(sandboxIdempotency).where(eq(sandboxIdempotency.key, key));
    throw error;
  }
  if (response.status >= 500) {
    await db.delete(sandboxIdempotency).where(eq(sandboxIdempotency.key, key));
  } else if (grouped) {
    await rememberIdempotentResponseBatched({ key, status: response.status, body: response.body });
  } else {
    await db
      .update(sandboxIdempotency)
      .set({ status: response.status, body: response.body as object })
      .where(eq(sandboxIdempotency.key, key));
  }
  return response;
}
