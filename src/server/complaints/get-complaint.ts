import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { complaints } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { selectCase, type TCaseRow } from './select-case';
import { selectTimeline } from './select-timeline';
import type { TResidentComplaint } from './types';

export function residentView(row: TCaseRow): Omit<TResidentComplaint, 'events'> {
  return {
    id: row.id,
    reference: row.reference,
    category: row.category,
    subType: row.subType,
    status: row.status,
    createdAt: row.createdAt,
    firstResponseDueAt: row.firstResponseDueAt,
    firstRespondedAt: row.firstRespondedAt,
    answerDueAt: row.answerDueAt,
    nextDueAt: row.nextDueAt,
    rated: row.rating !== null,
    description: row.description,
    location: row.location,
    account:
      row.accountNumber && row.utility
        ? {
            accountNumber: row.accountNumber,
            utility: row.utility,
            address: { zh: row.addressZh ?? '', en: row.addressEn ?? '' },
          }
        : null,
    department: row.department,
    escalated: row.escalatedAt !== null && row.status !== 'closed',
    reopenedCount: row.reopenedCount,
    closedAt: row.closedAt,
    rating: row.rating,
    ratingComment: row.ratingComment,
    canRate: row.status === 'closed' && row.rating === null,
    canReopen: row.status === 'closed' && row.reopenedCount === 0,
  };
}

/**
 * The resident's own case with its resident-visible timeline. Only the person who filed it
 * finds it (in the SQL); anyone else gets null → "not found".
 */
export async function getComplaint(input: {
  actor: TActor;
  complaintId: number;
}): Promise<TResidentComplaint | null> {
  assertCan(input.actor, 'file:complaint:own');
  const db = await getDb();
  const row = await selectCase(
    db,
    and(eq(complaints.id, input.complaintId), eq(complaints.filedByUserId, input.actor.userId)),
  );
  if (!row) return null;
  const events = await selectTimeline(db, row.id, { kind: 'resident' });
  return { ...residentView(row), events };
}
