import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import { getDb } from '../db';
import { complaintAttachments, complaints } from '../db/schema';
import { can } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getFileStore } from '../files/get-file-store';
import { writeAudit } from '../audit';

export type TAttachmentFile = { name: string; contentType: string; bytes: Buffer };

/**
 * An attachment's bytes for the person who filed the case, or for staff who handle cases.
 * Anyone else — another resident, a wrong case id — gets null ("not found"). Staff reads are
 * audited (it is a resident's document).
 */
export async function getComplaintAttachment(input: {
  actor: TActor;
  complaintId: number;
  attachmentId: number;
}): Promise<TAttachmentFile | null> {
  const staff = can(input.actor.role, 'handle:complaint:any');
  const ownership: SQL | undefined = staff
    ? undefined
    : eq(complaints.filedByUserId, input.actor.userId);
  const db = await getDb();
  const [row] = await db
    .select({
      key: complaintAttachments.fileKey,
      name: complaintAttachments.originalName,
      contentType: complaintAttachments.contentType,
      filedByUserId: complaints.filedByUserId,
    })
    .from(complaintAttachments)
    .innerJoin(complaints, eq(complaints.id, complaintAttachments.complaintId))
    .where(
      and(
        eq(complaintAttachments.id, input.attachmentId),
        eq(complaintAttachments.complaintId, input.complaintId),
        ownership,
      ),
    )
    .limit(1);
  if (!row) return null;
  const bytes = await getFileStore().get(row.key);
  if (!bytes) return null;
  if (staff && row.filedByUserId !== input.actor.userId)
    await writeAudit(db, input.actor, {
      action: 'complaint.attachment_viewed',
      subjectType: 'complaint_attachment',
      subjectId: input.attachmentId,
    });
  return { name: row.name, contentType: row.contentType, bytes };
}
