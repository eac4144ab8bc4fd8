import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { writeAudit } from '../audit';
import { can } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getFileStore } from '../files';
import { rowsOf } from '../db/rows-of';
import { applicantOrFiler } from './access';

export type TApplicationDocumentFile = {
  bytes: Buffer;
  contentType: string;
  originalName: string;
};

/**
 * A document's bytes for the person asking, if they may see it: the applicant, the officer who
 * filed the application, or a reviewer. Anyone else — and a deleted document — gets null
 * ("not found"). Every view is audited, by residents and staff alike.
 */
export async function readApplicationDocument(input: {
  actor: TActor;
  applicationId: number;
  documentId: number;
}): Promise<TApplicationDocumentFile | null> {
  const { actor } = input;
  const reviewer = can(actor.role, 'review:assistance:any');
  const db = await getDb();
  const doc = rowsOf<{ id: number; file_key: string; content_type: string; original_name: string }>(
    await db.execute(sql`
      SELECT d.id, d.file_key, d.content_type, d.original_name
        FROM assistance_documents d
        JOIN assistance_applications app ON app.id = d.application_id
       WHERE d.id = ${input.documentId} AND app.id = ${input.applicationId}
         AND d.deleted_at IS NULL
         AND (${reviewer ? sql`true` : sql`false`} OR ${applicantOrFiler(actor)})`),
  )[0];
  if (!doc) return null;
  const bytes = await getFileStore().get(doc.file_key);
  if (!bytes) return null;
  await writeAudit(db, actor, {
    action: 'assistance.document.viewed',
    subjectType: 'assistance_application',
    subjectId: input.applicationId,
    detail: { documentId: doc.id },
  });
  return { bytes, contentType: doc.content_type, originalName: doc.original_name };
}
