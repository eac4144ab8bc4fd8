import 'server-only';
import { getDatabaseHandle } from '../../db';
import { createMicroBatch } from './micro-batch';
import type { TStripeObject } from './types';

/**
 * The sandbox's storage calls, group-committed (micro-batch.ts): concurrent requests share one
 * statement per step instead of one each. Used by store.ts and idempotency.ts when they are not
 * given a transaction of their own.
 */

const saveObject = createMicroBatch<TStripeObject, undefined>(async (objects) => {
  // One row per id per statement (ON CONFLICT cannot touch a row twice); the last write wins,
  // as it would have one statement later.
  const latest = new Map<string, TStripeObject>();
  for (const object of objects) latest.set(object.id, object);
  const rows = [...latest.values()];
  const handle = await getDatabaseHandle();
  await handle.query(
    `INSERT INTO sandbox_stripe_objects (id, type, data, created)
     SELECT t.id, t.type, t.data::jsonb, now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, type, data)
     ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
    [rows.map((o) => o.id), rows.map((o) => o.object), rows.map((o) => JSON.stringify(o))],
  );
  return objects.map(() => undefined);
});

export async function saveSandboxObjectsBatched(objects: readonly TStripeObject[]): Promise<void> {
  await Promise.all(objects.map((o) => saveObject(o)));
}

const loadObject = createMicroBatch<{ id: string; type: string }, TStripeObject | null>(
  async (wanted) => {
    const handle = await getDatabaseHandle();
    const { rows } = await handle.query<{ id: string; type: string; data: TStripeObject }>(
      `SELECT id, type, data FROM sandbox_stripe_objects WHERE id = ANY($1::text[])`,
      [[...new Set(wanted.map((w) => w.id))]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return wanted.map((w) => {
      const row = byId.get(w.id);
      return row && row.type === w.type ? row.data : null;
    });
  },
);

export function loadSandboxObjectBatched<T extends TStripeObject>(
  id: string,
  type: string,
): Promise<T | null> {
  return loadObject({ id, type }) as Promise<T | null>;
}

/** Claims an Idempotency-Key (true) or finds it taken (false); the first caller in a batch wins. */
export const claimIdempotencyKeyBatched = createMicroBatch<
  { key: string; requestHash: string },
  boolean
>(async (claims) => {
  const handle = await getDatabaseHandle();
  const { rows } = await handle.query<{ key: string }>(
    `INSERT INTO sandbox_idempotency (key, request_hash, status, body)
     SELECT t.key, t.hash, 0, '{}'::jsonb FROM unnest($1::text[], $2::text[]) AS t(key, hash)
     ON CONFLICT (key) DO NOTHING
     RETURNING key`,
    [claims.map((c) => c.key), claims.map((c) => c.requestHash)],
  );
  const inserted = new Set(rows.map((r) => r.key));
  const seen = new Set<string>();
  return claims.map((c) => {
    const first = !seen.has(c.key);
    seen.add(c.key);
    return first && inserted.has(c.key);
  });
});

/** Remembers the answer given for a claimed key. */
export const rememberIdempotentResponseBatched = createMicroBatch<
  { key: string; status: number; body: unknown },
  undefined
>(async (answers) => {
  const handle = await getDatabaseHandle();
  await handle.query(
    `UPDATE sandbox_idempotency s SET status = t.status, body = t.body::jsonb
       FROM unnest($1::text[], $2::int[], $3::text[]) AS t(key, status, body)
      WHERE s.key = t.key`,
    [
      answers.map((a) => a.key),
      answers.map((a) => a.status),
      answers.map((a) => JSON.stringify(a.body)),
    ],
  );
  return answers.map(() => undefined);
});
