import 'server-only';
import { sql } from 'drizzle-orm';
import { shanghaiDay } from '@/lib/dates';
import type { TDb } from '../db';
import { complaintReferenceCounters } from '../db/schema';

type TExecutor = Pick<TDb, 'insert'>;

/**
 * The next reference of the year, `WJ-2026-000123`. One counter row per year, bumped inside the
 * filing transaction: concurrent filings queue on the row, and a rolled-back filing gives its
 * number back.
 */
export async function allocateReference(tx: TExecutor, now: Date): Promise<string> {
  const year = Number(shanghaiDay(now).slice(0, 4));
  const [row] = await tx
    .insert(complaintReferenceCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({
      target: complaintReferenceCounters.year,
      set: { last: sql`${complaintReferenceCounters.last} + 1` },
    })
    .returning({ last: complaintReferenceCounters.last });
  if (!row) throw new Error('reference counter did not return a number');
  return `WJ-${year}-${String(row.last).padStart(6, '0')}`;
}
