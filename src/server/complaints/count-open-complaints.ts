import 'server-only';
import { ne, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { complaints } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';

/** Open and overdue counts for the queue's heading (index-only scans on the open-case index). */
export async function countOpenComplaints(input: {
  actor: TActor;
  now?: Date;
}): Promise<{ open: number; overdue: number }> {
  assertCan(input.actor, 'handle:complaint:any');
  const now = input.now ?? new Date();
  const db = await getDb();
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${complaints.nextDueAt} < ${now})::int`,
    })
    .from(complaints)
    .where(ne(complaints.status, 'closed'));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}
