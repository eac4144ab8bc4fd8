import 'server-only';
import { sql } from 'drizzle-orm';
import { readPart, type TReadPart } from '../db/read-parts';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import type { TComplaintCategory, TComplaintStatus } from '../db/schema';
import type { TResidentComplaintSummary } from './types';

/** Timestamps: Date from the driver; ISO text when read together with other parts (JSON). */
type TRow = {
  id: number;
  reference: string;
  category: TComplaintCategory;
  sub_type: string;
  status: TComplaintStatus;
  created_at: Date | string;
  first_response_due_at: Date | string | null;
  first_responded_at: Date | string | null;
  answer_due_at: Date | string;
  next_due_at: Date | string | null;
  rating: number | null;
};

const myComplaintsQuery = () => sql`
  select id, reference, category, sub_type, status, created_at, first_response_due_at,
         first_responded_at, answer_due_at, next_due_at, rating
    from complaints
   where filed_by_user_id = ${sql.placeholder('userId')}
   order by created_at desc, id desc
   limit ${sql.placeholder('limit')}`;

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

/** The cases the actor filed, newest first (a household files a handful a year at most). */
export async function listMyComplaints(input: {
  actor: TActor;
  limit?: number;
}): Promise<TResidentComplaintSummary[]> {
  return readPart(myComplaintsPart(input));
}

/** The same read as a part, for a page that reads several domains at once (ADR 022). */
export function myComplaintsPart(input: {
  actor: TActor;
  limit?: number;
}): TReadPart<TResidentComplaintSummary[], TRow> {
  assertCan(input.actor, 'file:complaint:own');
  return {
    name: 'my-complaints',
    query: myComplaintsQuery,
    values: { userId: input.actor.userId, limit: input.limit ?? 100 },
    decode: (rows) =>
      rows.map((r) => ({
        id: Number(r.id),
        reference: r.reference,
        category: r.category,
        subType: r.sub_type,
        status: r.status,
        createdAt: new Date(r.created_at),
        firstResponseDueAt: dateOrNull(r.first_response_due_at),
        firstRespondedAt: dateOrNull(r.first_responded_at),
        answerDueAt: new Date(r.answer_due_at),
        nextDueAt: dateOrNull(r.next_due_at),
        rated: r.rating !== null,
      })),
  };
}
