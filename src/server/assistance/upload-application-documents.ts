import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type TDb } from '../db';
import { assistanceDocuments } from '../db/schema';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { getFileStore, type TAcceptedUpload } from '../files';
import { rowsOf } from '../db/rows-of';
import { applicantOrFiler } from './access';

/** The signed paper consent form an officer uploads when filing for a household. */
export const CONSENT_FORM_REQUIREMENT = 'consent_form';

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
  return db.transaction(async (tx) => {
    const app = rowsOf<{
      id: number;
      status: string;
      documents: { id: string }[];
      filed_by_officer: boolean;
    }>(
      await tx.execute(sql`
        SELECT app.id, app.status, p.documents, app.filed_by_user_id IS NOT NULL AS filed_by_officer
          FROM assistance_applications app
          JOIN assistance_programs p ON p.id = app.program_id
         WHERE app.id = ${input.applicationId} AND ${applicantOrFiler(actor)}
         FOR UPDATE OF app`),
    )[0];
    if (!app) return { ok: false, error: 'not_found' };
    if (app.status !== 'draft' && app.status !== 'info_requested') {
      return { ok: false, error: 'not_editable' };
    }
    const known =
      input.requirement === 'other' ||
      (input.requirement === CONSENT_FORM_REQUIREMENT && app.filed_by_officer) ||
      app.documents.some((d) => d.id === input.requirement);
    if (!known) return { ok: false, error: 'unknown_requirement' };
    const documentIds = await storeApplicationDocuments(
      tx,
      actor,
      app.id,
      input.requirement,
      input.files,
    );
    await writeAudit(tx, actor, {
      action: 'assistance.document.uploaded',
      subjectType: 'assistance_application',
      subjectId: app.id,
      detail: { documentIds, requirement: input.requirement },
    });
    return { ok: true, documentIds };
  });
}

/**
 * Records checked uploads as documents of one application and puts their bytes in the file
 * store under `assistance/<applicationId>/<documentId>.<ext>`, inside the caller's transaction.
 */
export async function storeApplicationDocuments(
  tx: Pick<TDb, 'insert' | 'execute'>,
  actor: TActor,
  applicationId: number,
  requirement: string,
  files: readonly TAcceptedUpload[],
): Promise<number[]> {
  const store = getFileStore();
  const documentIds: number[] = [];
  for (const file of files) {
    const [row] = await tx
      .insert(assistanceDocuments)
      .values({
        applicationId,
        requirement,
        // Named after its own id below; a placeholder until the id is known.
        fileKey: `assistance/${applicationId}/pending`,
        contentType: file.contentType,
        sizeBytes: file.size,
        originalName: file.name,
        uploadedByUserId: actor.userId,
      })
      .returning({ id: assistanceDocuments.id });
    if (!row) throw new Error('document not recorded');
    const fileKey = `assistance/${applicationId}/${row.id}.${file.extension}`;
    await store.put(fileKey, file.bytes);
    await tx.execute(
      sql`UPDATE assistance_documents SET file_key = ${fileKey} WHERE id = ${row.id}`,
    );
    documentIds.push(row.id);
  }
  return documentIds;
}
