import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { rowsOf } from '../db/rows-of';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';

/** Counts stop here: "10,000+" says enough and keeps the queue page fast at city scale. */
export const QUEUE_COUNT_CAP = 10_000;

export type TOpenCounts = {
  open: number;
  overdue: number;
  capped: { open: boolean; overdue: boolean };
};

/**
 * Open and overdue cases for the queue's heading. Each count reads at most CAP + 1 entries of
 * the open-case index, so it costs the same with 200,000 open cases as with 10,000.
 */
export async function countOpenComplaints(input: {
  actor: TActor;
  now?: Date;
}): Promise<TOpenCounts> {
  assertCan(input.actor, 'handle:complaint:any');
  const now = input.now ?? new Date();
  const db = await getDb();
  const limit = QUEUE_COUNT_CAP + 1;
  const [row] = rowsOf<{ open: number; overdue: number }>(
    await db.execute(sql`
      select (select count(*)::int from (select 1 from complaints
                where status <> 'closed' limit ${limit}) o) as open,
             (select count(*)::int from (select 1 from complaints
                where status <> 'closed' and next_due_at < ${now} limit ${limit}) d) as overdue`),
  );
  const open = Number(row?.open ?? 0);
  const overdue = Number(row?.overdue ?? 0);
  return {
    open: Math.min(open, QUEUE_COUNT_CAP),
    overdue: Math.min(overdue, QUEUE_COUNT_CAP),
    capped: { open: open > QUEUE_COUNT_CAP, overdue: overdue > QUEUE_COUNT_CAP },
  };
}
