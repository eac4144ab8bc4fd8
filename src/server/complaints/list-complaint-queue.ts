import 'server-only';
import { and, asc, desc, eq, isNotNull, lt, ne } from 'drizzle-orm';
import { getDb } from '../db';
import {
  complaints,
  users,
  type TComplaintCategory,
  type TComplaintDepartment,
  type TComplaintStatus,
} from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import type { TQueueItem } from './types';

export const QUEUE_PAGE_SIZE = 25;

export type TQueueFilters = {
  category?: TComplaintCategory;
  department?: TComplaintDepartment;
  /** `open` (default) = every status but closed. */
  status?: TComplaintStatus | 'open';
  /** Only cases past a pending deadline. */
  overdue?: boolean;
  /** Only cases escalated to a supervisor (overdue or a dissatisfied rating), still open. */
  escalated?: boolean;
  /** Only cases assigned to the actor. */
  mine?: boolean;
};

/**
 * The staff queue: open cases by their next deadline, earliest first, so overdue cases come
 * first; closed cases newest first. One page at a time (`page` from 1) with a look-ahead row
 * for "next". Sorting and filtering ride on partial indexes over open cases only.
 */
export async function listComplaintQueue(input: {
  actor: TActor;
  filters: TQueueFilters;
  page?: number;
  now?: Date;
}): Promise<{ items: TQueueItem[]; page: number; hasNext: boolean }> {
  assertCan(input.actor, 'handle:complaint:any');
  const now = input.now ?? new Date();
  const page = Math.max(1, Math.min(input.page ?? 1, 10_000));
  const f = input.filters;
  const status = f.status ?? 'open';
  const closed = status === 'closed';
  const where = and(
    closed ? eq(complaints.status, 'closed') : ne(complaints.status, 'closed'),
    !closed && status !== 'open' ? eq(complaints.status, status) : undefined,
    f.department ? eq(complaints.department, f.department) : undefined,
    f.category ? eq(complaints.category, f.category) : undefined,
    f.overdue && !closed ? lt(complaints.nextDueAt, now) : undefined,
    f.escalated && !closed ? isNotNull(complaints.escalatedAt) : undefined,
    f.mine ? eq(complaints.assigneeUserId, input.actor.userId) : undefined,
  );
  const db = await getDb();
  const rows = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      category: complaints.category,
      subType: complaints.subType,
      status: complaints.status,
      department: complaints.department,
      assigneeName: users.name,
      createdAt: complaints.createdAt,
      nextDueAt: complaints.nextDueAt,
      closedAt: complaints.closedAt,
      escalatedAt: complaints.escalatedAt,
    })
    .from(complaints)
    .leftJoin(users, eq(users.id, complaints.assigneeUserId))
    .where(where)
    .orderBy(
      ...(closed
        ? [desc(complaints.closedAt), desc(complaints.id)]
        : [asc(complaints.nextDueAt), asc(complaints.id)]),
    )
    .limit(QUEUE_PAGE_SIZE + 1)
    .offset((page - 1) * QUEUE_PAGE_SIZE);
  return {
    page,
    hasNext: rows.length > QUEUE_PAGE_SIZE,
    items: rows.slice(0, QUEUE_PAGE_SIZE).map(({ escalatedAt, ...r }) => ({
      ...r,
      overdue: r.status !== 'closed' && r.nextDueAt !== null && r.nextDueAt < now,
      escalated: r.status !== 'closed' && escalatedAt !== null,
    })),
  };
}
