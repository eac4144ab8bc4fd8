import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { getFileStore } from '../files';
import { rowsOf } from '../db/rows-of';
import { applicantOrFiler } from './access';

/**
 * Takes back a document uploaded by mistake while the application can still be changed. The
 * file is deleted; the row stays (marked deleted) so the record shows something was removed.
 */
export async function removeApplicationDocument(input: {
  actor: TActor;
  applicationId: number;
  documentId: number;
}): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'not_editable' }> {
  const { actor } = input;
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const doc = rowsOf<{ id: number; file_key: string; status: string }>(
      await tx.execute(sql`
        SELECT d.id, d.file_key, app.status
          FROM assistance_documents d
          JOIN assistance_applications app ON app.id = d.application_id
         WHERE d.id = ${input.documentId} AND app.id = ${input.applicationId}
           AND d.deleted_at IS NULL AND ${applicantOrFiler(actor)}
         FOR UPDATE OF d`),
    )[0];
    if (!doc) return { ok: false as const, error: 'not_found' as const };
    if (doc.status !== 'draft' && doc.status !== 'info_requested') {
      return { ok: false as const, error: 'not_editable' as const };
    }
    await tx.execute(sql`UPDATE assistance_documents SET deleted_at = now() WHERE id = ${doc.id}`);
    await writeAudit(tx, actor, {
      action: 'assistance.document.removed',
      subjectType: 'assistance_application',
      subjectId: input.applicationId,
      detail: { documentId: doc.id },
    });
    return { ok: true as const, fileKey: doc.file_key };
  });
  if (!result.ok) return result;
  await getFileStore().delete(result.fileKey);
  return { ok: true };
}
