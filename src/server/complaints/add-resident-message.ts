import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { complaintEvents, complaints } from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { checkUploads, type TUploadError } from '../files/check-upload';
import { notifyMailQueued } from '../mail/notify-mail-queued';
import { MAX_ATTACHMENTS, MAX_DESCRIPTION_LENGTH } from './limits';
import { lockCase } from './lock-case';
import { notifyAssignee } from './notify-case-parties';
import { discardWrittenFiles, storeAttachments } from './store-attachments';

export type TResidentMessageResult =
  | { ok: true }
  | { ok: false; error: 'not_found' | 'body' }
  /** The case is closed: the page offers to reopen it (with the text kept). */
  | { ok: false; error: 'closed'; canReopen: boolean }
  | { ok: false; error: 'attachments'; upload: TUploadError; fileName?: string; limit: number };

/**
 * The resident adds information or answers a question on their own open case, optionally with
 * attachments. A case waiting for the resident goes back to "in progress".
 */
export async function addResidentMessage(input: {
  actor: TActor;
  complaintId: number;
  body: string;
  files?: readonly FormDataEntryValue[];
  now?: Date;
}): Promise<TResidentMessageResult> {
  assertCan(input.actor, 'file:complaint:own');
  const body = input.body.trim();
  if (!body || body.length > MAX_DESCRIPTION_LENGTH) return { ok: false, error: 'body' };
  const uploads = await checkUploads(input.files ?? [], { maxFiles: MAX_ATTACHMENTS });
  if (!uploads.ok)
    return {
      ok: false,
      error: 'attachments',
      upload: uploads.error,
      fileName: uploads.fileName,
      limit: uploads.limit,
    };
  const now = input.now ?? new Date();
  const db = await getDb();
  const written: string[] = [];
  try {
    const outcome = await db.transaction(async (tx) => {
      const row = await lockCase(
        tx,
        input.complaintId,
        eq(complaints.filedByUserId, input.actor.userId),
      );
      if (!row) return { ok: false, error: 'not_found' } as const;
      if (row.status === 'closed')
        return { ok: false, error: 'closed', canReopen: row.reopenedCount === 0 } as const;
      const [event] = await tx
        .insert(complaintEvents)
        .values({
          complaintId: row.id,
          kind: 'resident_message',
          residentVisible: true,
          actorUserId: input.actor.userId,
          body,
          detail: { attachments: uploads.files.length },
          createdAt: now,
        })
        .returning({ id: complaintEvents.id });
      if (!event) throw new Error('event not inserted');
      if (row.status === 'awaiting_resident')
        await tx
          .update(complaints)
          .set({ status: 'in_progress', updatedAt: now })
          .where(eq(complaints.id, row.id));
      await writeAudit(tx, input.actor, {
        action: 'complaint.resident_message',
        subjectType: 'complaint',
        subjectId: row.id,
        detail: { attachments: uploads.files.length },
      });
      const mailIds = await notifyAssignee(tx, row, input.actor.userId);
      await storeAttachments(tx, {
        complaintId: row.id,
        eventId: event.id,
        uploadedByUserId: input.actor.userId,
        files: uploads.files,
        written,
      });
      return { ok: true, mailIds } as const;
    });
    if (!outcome.ok) return outcome;
    await notifyMailQueued(outcome.mailIds);
    return { ok: true };
  } catch (error) {
    await discardWrittenFiles(written);
    throw error;
  }
}
