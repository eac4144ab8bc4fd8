import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import type { TDb } from '../db';
import { complaints } from '../db/schema';

type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];

/**
 * Reads a case for a change and locks its row until the transaction ends, so two people
 * acting on one case at once (two replies, a rating and a close) apply one after the other.
 * `scope` narrows it, e.g. to the filer (a foreign id then finds nothing → "not found").
 */
export async function lockCase(tx: TTx, complaintId: number, scope?: SQL) {
  const [row] = await tx
    .select({
      id: complaints.id,
      reference: complaints.reference,
      category: complaints.category,
      status: complaints.status,
      department: complaints.department,
      rural: complaints.rural,
      filedByUserId: complaints.filedByUserId,
      contactEmail: complaints.contactEmail,
      contactLocale: complaints.contactLocale,
      assigneeUserId: complaints.assigneeUserId,
      firstRespondedAt: complaints.firstRespondedAt,
      answerDueAt: complaints.answerDueAt,
      firstClosedAt: complaints.firstClosedAt,
      reopenedCount: complaints.reopenedCount,
      rating: complaints.rating,
    })
    .from(complaints)
    .where(and(eq(complaints.id, complaintId), scope))
    .for('update')
    .limit(1);
  return row ?? null;
}

export type TLockedCase = NonNullable<Awaited<ReturnType<typeof lockCase>>>;
export type { TTx };
