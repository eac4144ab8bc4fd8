import 'server-only';
import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { TDb } from '../db';
import {
  complaintAttachments,
  complaintEvents,
  users,
  type TComplaintEventKind,
} from '../db/schema';
import type { TTimelineEvent } from './types';

/** Entries only the filer makes (a staff member filing for themselves is the filer here). */
const RESIDENT_KINDS = new Set<TComplaintEventKind>([
  'filed',
  'resident_message',
  'rated',
  'reopened',
]);

/**
 * A case's timeline, oldest first. `audience` decides what is returned: the resident gets the
 * resident-visible entries only; staff get everything except internal notes unless `notes`.
 * Staff names travel only to staff.
 */
export async function selectTimeline(
  db: TDb,
  complaintId: number,
  audience: { kind: 'resident' } | { kind: 'staff'; notes: boolean },
): Promise<TTimelineEvent[]> {
  const visibility =
    audience.kind === 'resident'
      ? eq(complaintEvents.residentVisible, true)
      : audience.notes
        ? undefined
        : or(eq(complaintEvents.residentVisible, true), ne(complaintEvents.kind, 'internal_note'));
  const rows = await db
    .select({
      id: complaintEvents.id,
      kind: complaintEvents.kind,
      at: complaintEvents.createdAt,
      residentVisible: complaintEvents.residentVisible,
      actorUserId: complaintEvents.actorUserId,
      actorName: users.name,
      body: complaintEvents.body,
      detail: complaintEvents.detail,
    })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.actorUserId))
    .where(and(eq(complaintEvents.complaintId, complaintId), visibility))
    .orderBy(asc(complaintEvents.id));
  const attachments =
    rows.length === 0
      ? []
      : await db
          .select({
            id: complaintAttachments.id,
            eventId: complaintAttachments.eventId,
            name: complaintAttachments.originalName,
            contentType: complaintAttachments.contentType,
            sizeBytes: complaintAttachments.sizeBytes,
          })
          .from(complaintAttachments)
          .where(
            and(
              eq(complaintAttachments.complaintId, complaintId),
              inArray(
                complaintAttachments.eventId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .orderBy(asc(complaintAttachments.id));
  return rows.map((r) => {
    const by: TTimelineEvent['by'] =
      r.actorUserId === null
        ? r.kind === 'filed'
          ? 'resident'
          : 'system'
        : RESIDENT_KINDS.has(r.kind)
          ? 'resident'
          : 'staff';
    return {
      id: r.id,
      kind: r.kind,
      at: r.at,
      by,
      staffName: audience.kind === 'staff' && by === 'staff' ? r.actorName : null,
      body: r.body,
      detail: r.detail ?? {},
      internal: !r.residentVisible,
      attachments: attachments
        .filter((a) => a.eventId === r.id)
        .map(({ id, name, contentType, sizeBytes }) => ({ id, name, contentType, sizeBytes })),
    };
  });
}
