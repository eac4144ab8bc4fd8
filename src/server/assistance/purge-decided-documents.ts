import 'server-only';
import { sql } from 'drizzle-orm';
import { env } from '@/env';
import { getDb } from '../db';
import { writeAudit } from '../audit';
import { getFileStore } from '../files';
import { rowsOf } from '../db/rows-of';

/**
 * Privacy: deletes the documents of applications decided more than
 * ASSISTANCE_DOCUMENT_RETENTION_DAYS ago (approved, rejected or withdrawn). The files go from
 * the store, the rows are marked deleted and the application records when; the decisions,
 * grants and audit trail stay. Safe to run again: a purged application is not read twice.
 */
export async function purgeDecidedDocuments(
  input: { now?: Date; retentionDays?: number } = {},
): Promise<{ applications: number; documents: number }> {
  const now = input.now ?? new Date();
  const days = input.retentionDays ?? env.ASSISTANCE_DOCUMENT_RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const db = await getDb();
  const store = getFileStore();
  const { files, applications } = await db.transaction(async (tx) => {
    const rows = rowsOf<{ application_id: number; id: number | null; file_key: string | null }>(
      await tx.execute(sql`
        WITH due AS (
          UPDATE assistance_applications
             SET documents_purged_at = ${now.toISOString()}::timestamptz
           WHERE status IN ('approved', 'rejected', 'withdrawn')
             AND documents_purged_at IS NULL
             AND coalesce(decided_at, updated_at) < ${cutoff.toISOString()}::timestamptz
          RETURNING id
        ),
        gone AS (
          UPDATE assistance_documents d SET deleted_at = ${now.toISOString()}::timestamptz
            FROM due WHERE d.application_id = due.id AND d.deleted_at IS NULL
          RETURNING d.application_id, d.id, d.file_key
        )
        SELECT due.id AS application_id, gone.id, gone.file_key
          FROM due LEFT JOIN gone ON gone.application_id = due.id`),
    );
    const applicationIds = [...new Set(rows.map((r) => r.application_id))];
    if (applicationIds.length > 0) {
      await writeAudit(
        tx,
        null,
        ...applicationIds.map((id) => ({
          action: 'assistance.documents.purged',
          subjectType: 'assistance_application',
          subjectId: id,
          detail: { retentionDays: days },
        })),
      );
    }
    return {
      files: rows.flatMap((r) => (r.file_key ? [r.file_key] : [])),
      applications: applicationIds.length,
    };
  });
  // After commit: a crash here leaves files no row points to, never a row without its file.
  for (const key of files) await store.delete(key);
  return { applications, documents: files.length };
}
