import 'server-only';
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { getDb, type TDb } from '../../db';
import { sandboxStripeObjects } from '../../db/schema';
import type { TStripeObject } from './types';

type TExecutor = Pick<TDb, 'select' | 'insert' | 'update'>;

/** Reads one sandbox object of a given `object` type, or null. */
export async function loadSandboxObject<T extends TStripeObject>(
  id: string,
  type: string,
  executor?: TExecutor,
): Promise<T | null> {
  const db = executor ?? (await getDb());
  const [row] = await db
    .select({ data: sandboxStripeObjects.data })
    .from(sandboxStripeObjects)
    .where(and(eq(sandboxStripeObjects.id, id), eq(sandboxStripeObjects.type, type)))
    .limit(1);
  return (row?.data as T | undefined) ?? null;
}

/** Writes (inserts or replaces) sandbox objects. */
export async function saveSandboxObjects(
  objects: readonly TStripeObject[],
  executor?: TExecutor,
): Promise<void> {
  if (objects.length === 0) return;
  const db = executor ?? (await getDb());
  await db
    .insert(sandboxStripeObjects)
    .values(objects.map((o) => ({ id: o.id, type: o.object, data: o, created: new Date() })))
    .onConflictDoUpdate({
      target: sandboxStripeObjects.id,
      set: { data: sql`excluded.data` },
    });
}

/** Objects of one type, newest first (lists such as /v1/events). */
export async function listSandboxObjects<T extends TStripeObject>(input: {
  type: string;
  since?: Date;
  limit: number;
  ids?: readonly string[];
  /** Stripe's cursor: only objects listed after this one (older). */
  startingAfter?: string;
}): Promise<T[]> {
  const db = await getDb();
  const cursor = input.startingAfter
    ? sql`(${sandboxStripeObjects.created}, ${sandboxStripeObjects.id}) < (select c.created, c.id from ${sandboxStripeObjects} c where c.id = ${input.startingAfter})`
    : undefined;
  const rows = await db
    .select({ data: sandboxStripeObjects.data })
    .from(sandboxStripeObjects)
    .where(
      and(
        eq(sandboxStripeObjects.type, input.type),
        input.since ? gte(sandboxStripeObjects.created, input.since) : undefined,
        input.ids ? inArray(sandboxStripeObjects.id, [...input.ids]) : undefined,
        cursor,
      ),
    )
    .orderBy(desc(sandboxStripeObjects.created), desc(sandboxStripeObjects.id))
    .limit(input.limit);
  return rows.map((r) => r.data as T);
}
