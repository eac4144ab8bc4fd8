import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { prepared } from '../db/prepared';
import { complaints } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import type { TResidentComplaintSummary } from './types';

/** The cases the actor filed, newest first (a household files a handful a year at most). */
export async function listMyComplaints(input: {
  actor: TActor;
  limit?: number;
}): Promise<TResidentComplaintSummary[]> {
  assertCan(input.actor, 'file:complaint:own');
  const rows = await prepared(await getDb(), 'my-complaints', (db) =>
    db
      .select({
        id: complaints.id,
        reference: complaints.reference,
        category: complaints.category,
        subType: complaints.subType,
        status: complaints.status,
        createdAt: complaints.createdAt,
        firstResponseDueAt: complaints.firstResponseDueAt,
        firstRespondedAt: complaints.firstRespondedAt,
        answerDueAt: complaints.answerDueAt,
        nextDueAt: complaints.nextDueAt,
        rating: complaints.rating,
      })
      .from(complaints)
      .where(eq(complaints.filedByUserId, sql.placeholder('userId')))
      .orderBy(desc(complaints.createdAt), desc(complaints.id))
      .limit(sql.placeholder('limit'))
      .prepare('my-complaints'),
  ).execute({ userId: input.actor.userId, limit: input.limit ?? 100 });
  return rows.map(({ rating, ...r }) => ({ ...r, rated: rating !== null }));
}
