import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { assistanceDocuments } from '../db/schema';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { getFileStore, type TAcceptedUpload } from '../files';
import { rowsOf } from '../billing/rows-of';
import { applicantOrFiler } from './access';

export type TUploadDocumentsResult =
  | { ok: true; documentIds: number[] }
  | { ok: false; error: 'not_found' | 'not_editable' | 'unknown_requirement' };

/**
 * Stores checked uploads (type sniffed, size limited: see checkUploads) for one of the
 * application's required documents, while the application is a draft or answers an information
 * request. Files go to the file store under `assistance/<applicationId>/` — never public/ —
 * and are served only through the document route, which checks who is asking.
 */
export async function uploadApplicationDocuments(input: {
  actor: TActor;
  applicationId: number;
  requirement: string;
  files: readonly TAcceptedUpload[];
}): Promise<TUploadDocumentsResult> {
  const { actor } = input;
  const db = await getDb();
  const store = getFileStore();
  return db.transaction(async (tx) => {
    const app = rowsOf<{ id: number; status: string; documents: { id: string }[] }>(
      await tx.execute(sql`
        SELECT app.id, app.status, p.documents
          FROM assistance_applications app
          JOIN assistance_programs p ON p.id = app.program_id
         WHERE app.id = ${input.applicationId} AND ${applicantOrFiler(actor)}
         FOR UPDATE OF app`),
    )[0];
    if (!app) return { ok: false, error: 'not_found' };
    if (app.status !== 'draft' && app.status !== 'info_requested') {
      return { ok: false, error: 'not_editable' };
    }
    if (input.requirement !== 'other' && !app.documents.some((d) => d.id === input.requirement)) {
      return { ok: false, error: 'unknown_requirement' };
    }
    const documentIds: number[] = [];
    for (const file of input.files) {
      const [row] = await tx
        .insert(assistanceDocuments)
        .values({
          applicationId: app.id,
          requirement: input.requirement,
          // Named after its own id below; a placeholder until the id is known.
          fileKey: `assistance/${app.id}/pending`,
          contentType: file.contentType,
          sizeBytes: file.size,
          originalName: file.name,
          uploadedByUserId: actor.userId,
        })
        .returning({ id: assistanceDocuments.id });
      if (!row) throw new Error('document not recorded');
      const fileKey = `assistance/${app.id}/${row.id}.${file.extension}`;
      await store.put(fileKey, file.bytes);
      await tx.execute(
        sql`UPDATE assistance_documents SET file_key = ${fileKey} WHERE id = ${row.id}`,
      );
      documentIds.push(row.id);
    }
    await writeAudit(tx, actor, {
      action: 'assistance.document.uploaded',
      subjectType: 'assistance_application',
      subjectId: app.id,
      detail: { documentIds, requirement: input.requirement },
    });
    return { ok: true, documentIds };
  });
}
