import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { complaints } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { writeAudit } from '../audit';
import { residentView } from './get-complaint';
import { canSeeNotes } from './notes-visible';
import { selectCase } from './select-case';
import { selectTimeline } from './select-timeline';
import type { TStaffComplaint } from './types';

/**
 * A case for the handling page: everything the resident sees plus filer, assignee and the
 * staff-only entries; internal notes only for the case's department (or `:any`). Opening a
 * case reads a resident's personal data, so it is audited.
 */
export async function getStaffComplaint(input: {
  actor: TActor;
  complaintId: number;
}): Promise<TStaffComplaint | null> {
  assertCan(input.actor, 'handle:complaint:any');
  const db = await getDb();
  const row = await selectCase(db, eq(complaints.id, input.complaintId));
  if (!row) return null;
  const notesVisible = await canSeeNotes(db, input.actor, row.department);
  const events = await selectTimeline(db, row.id, { kind: 'staff', notes: notesVisible });
  await writeAudit(db, input.actor, {
    action: 'complaint.viewed',
    subjectType: 'complaint',
    subjectId: row.id,
  });
  return {
    ...residentView(row),
    events,
    filer: row.filerName && row.filerEmail ? { name: row.filerName, email: row.filerEmail } : null,
    contactEmail: row.contactEmail,
    rural: row.rural,
    assignee:
      row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    escalatedAt: row.escalatedAt,
    answeredOnTime: row.answeredOnTime,
    notesVisible,
  };
}
